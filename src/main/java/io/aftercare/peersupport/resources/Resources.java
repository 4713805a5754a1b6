package io.aftercare.peersupport.resources;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Which professional help is for whom: the one rule both the waiting person's support page and care's thank-you
 * page use. The place comes from the language the reader's browser asks for (the directory keeps neither country
 * nor language). Entries for the reader's country (code such as {@code GB}, or {@code UK}, or its English name)
 * come first, else those in their language (code or English name); entries meant for everywhere (no country, or
 * "Everywhere") go with either. When nothing is for them, every entry is shown, so nobody is shown nothing.
 */
@Component
public class Resources {

    /** One entry, as shown to a person. */
    public record Entry(UUID id, String country, String language, String kind, String name, String description,
                        String contact, String url) {
        public boolean safeUrl() {
            return url != null && (url.startsWith("https://") || url.startsWith("http://"));
        }

        public String countryName() {
            return PlaceNames.country(country);
        }

        public String languageName() {
            return PlaceNames.language(language);
        }
    }

    /** What to show, and whether it was narrowed to the reader's place (false: every entry, none being theirs). */
    public record Found(List<Entry> entries, boolean forPlace) {
    }

    private final ResourceCatalogue catalogue;

    Resources(ResourceCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The entries for this locale's place, crisis lines first; all of them when none match. */
    public List<Entry> nearest(Locale locale) {
        return forPlace(locale).entries();
    }

    /** As {@link #nearest}, saying whether the list was narrowed to the reader's place. */
    public Found forPlace(Locale locale) {
        List<Entry> all = catalogue.all().stream()
            .map(r -> new Entry(r.id(), r.country(), r.language(), r.kind(), r.name(), r.description(), r.contact(),
                r.url()))
            .toList();
        List<Entry> chosen = choose(all, locale);
        return new Found(chosen, chosen != all);
    }

    /**
     * Of all entries (in order): those for the locale's country, else for its language, each with the entries meant
     * for everywhere; else the entries for everywhere alone; else all of them (the same list instance).
     */
    static List<Entry> choose(List<Entry> all, Locale locale) {
        List<Entry> country = all.stream().filter(e -> countryMatches(e, locale) || everywhere(e)).toList();
        if (country.stream().anyMatch(e -> !everywhere(e))) {
            return country;
        }
        List<Entry> language = all.stream().filter(e -> languageMatches(e, locale) || everywhere(e)).toList();
        if (!language.isEmpty()) {
            return language;
        }
        return all;
    }

    /** Meant for everywhere: no country, or the word "Everywhere" the resources form puts in for a blank one. */
    static boolean everywhere(Entry e) {
        String country = e.country() == null ? "" : e.country().strip();
        return country.isEmpty() || country.equalsIgnoreCase("Everywhere");
    }

    /** Their country, by its code ({@code GB}, or {@code UK}) or its English name. */
    static boolean countryMatches(Entry e, Locale locale) {
        String country = e.country() == null ? "" : e.country().strip();
        return !locale.getCountry().isEmpty() && (country.equalsIgnoreCase(locale.getCountry())
            || country.equalsIgnoreCase(locale.getDisplayCountry(Locale.ENGLISH))
            || ("UK".equalsIgnoreCase(country) && "GB".equals(locale.getCountry())));
    }

    /** Their language, by its code ({@code de}, {@code de-AT}) or its English name. */
    static boolean languageMatches(Entry e, Locale locale) {
        String language = e.language() == null ? "" : e.language().strip();
        return !locale.getLanguage().isEmpty() && (language.equalsIgnoreCase(locale.getLanguage())
            || language.equalsIgnoreCase(locale.getDisplayLanguage(Locale.ENGLISH))
            || language.toLowerCase(Locale.ROOT).startsWith(locale.getLanguage() + "-"));
    }
}
