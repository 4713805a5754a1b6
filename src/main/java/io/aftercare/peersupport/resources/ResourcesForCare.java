package io.aftercare.peersupport.resources;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import io.aftercare.care.ProfessionalHelp;

/**
 * The resources page's entries for care's thank-you page, narrowed to the reader's country and language. An entry
 * is for a place when its country is blank, "Everywhere", or names the reader's country (ISO code or English name),
 * and its language is blank or the reader's (code or English name). A reader without a country in their browser's
 * language setting gets the entries in their language, wherever they are.
 */
@Component
class ResourcesForCare implements ProfessionalHelp {

    private final ResourcesController resources;

    ResourcesForCare(ResourcesController resources) {
        this.resources = resources;
    }

    @Override
    public Found forPlace(Locale place) {
        List<ResourcesController.Resource> all = resources.all();
        List<ResourcesController.Resource> matching = all.stream()
            .filter(r -> countryMatches(r.country(), place) && languageMatches(r.language(), place)).toList();
        return matching.isEmpty() ? new Found(entries(all), false) : new Found(entries(matching), true);
    }

    private static List<Entry> entries(List<ResourcesController.Resource> resources) {
        return resources.stream()
            .map(r -> new Entry(r.kind(), r.name(), r.description(), r.contact(), r.url())).toList();
    }

    static boolean countryMatches(String country, Locale place) {
        String c = country == null ? "" : country.strip();
        if (c.isEmpty() || c.equalsIgnoreCase("Everywhere") || place.getCountry().isEmpty()) {
            return true;
        }
        return c.equalsIgnoreCase(place.getCountry()) || c.equalsIgnoreCase(place.getDisplayCountry(Locale.ENGLISH));
    }

    static boolean languageMatches(String language, Locale place) {
        String l = language == null ? "" : language.strip();
        return l.isEmpty() || place.getLanguage().isEmpty() || l.equalsIgnoreCase(place.getLanguage())
            || l.equalsIgnoreCase(place.getDisplayLanguage(Locale.ENGLISH))
            || l.toLowerCase(Locale.ROOT).startsWith(place.getLanguage() + "-");
    }
}
