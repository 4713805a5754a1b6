package io.aftercare.peersupport.resources;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The resources store of tier 3 as other parts of peer support read it: for someone waiting for a supporter, the
 * entries for their country, else for their language (both from the language their browser asks for, as the
 * directory keeps neither), crisis lines first; every entry when none is for them.
 */
@Component
public class Resources {

    /** One entry, as shown to a person. */
    public record Entry(UUID id, String country, String language, String kind, String name, String description,
                        String contact, String url) {
        public boolean safeUrl() {
            return url.startsWith("https://") || url.startsWith("http://");
        }
    }

    private final JdbcClient jdbc;

    Resources(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The entries for this locale's country or language, crisis lines first; all of them when none match. */
    public List<Entry> nearest(Locale locale) {
        List<Entry> all = jdbc.sql("""
                SELECT id, country, language, kind, name, description, contact, url FROM support_resource
                ORDER BY CASE kind WHEN 'CRISIS' THEN 0 WHEN 'EAP' THEN 1 WHEN 'COUNSELLING' THEN 2 ELSE 3 END,
                         country, language, name""")
            .query((rs, n) -> new Entry(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
            .list();
        return choose(all, locale);
    }

    /** Of all entries (in order), those for the locale's country, else for its language, else all of them. */
    static List<Entry> choose(List<Entry> all, Locale locale) {
        List<Entry> country = all.stream().filter(e -> countryMatches(e, locale)).toList();
        if (!country.isEmpty()) {
            return country;
        }
        List<Entry> language = all.stream().filter(e -> languageMatches(e, locale)).toList();
        return language.isEmpty() ? all : language;
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
