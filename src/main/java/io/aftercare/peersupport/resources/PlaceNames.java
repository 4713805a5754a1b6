package io.aftercare.peersupport.resources;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Countries and languages as people read them. Coordinators and supporters may type a code ({@code GB}, {@code de},
 * {@code pt-BR}) or a name ({@code Germany}, {@code English}); a page shows the name either way (United Kingdom, German,
 * Portuguese (Brazil)), in English like the rest of the pages. What was typed is kept as typed, so
 * matching (see {@link Resources}) and the forms are unchanged.
 */
public final class PlaceNames {

    private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z]{2}|-[0-9]{3})?");

    private PlaceNames() {
    }

    /** {@code GB} (and {@code UK}) reads United Kingdom; a name, or a code nobody knows, is shown as it was typed. */
    public static String country(String typed) {
        String s = typed == null ? "" : typed.strip();
        if ("UK".equalsIgnoreCase(s)) {
            s = "GB";
        }
        if (COUNTRY_CODE.matcher(s).matches()) {
            String name = new Locale.Builder().setRegion(s.toUpperCase(Locale.ROOT)).build()
                .getDisplayCountry(Locale.ENGLISH);
            if (!name.isEmpty() && !name.equalsIgnoreCase(s)) {
                return name;
            }
        }
        return typed == null ? "" : typed.strip();
    }

    /** {@code de} reads German, {@code pt-BR} Portuguese (Brazil); a name, or a code nobody knows, as it was typed. */
    public static String language(String typed) {
        String s = typed == null ? "" : typed.strip();
        if (LANGUAGE_TAG.matcher(s).matches()) {
            Locale locale = Locale.forLanguageTag(s);
            String name = locale.getDisplayName(Locale.ENGLISH);
            if (!locale.getLanguage().isEmpty() && !name.isEmpty()
                && !locale.getDisplayLanguage(Locale.ENGLISH).equalsIgnoreCase(locale.getLanguage())) {
                return name;
            }
        }
        return s;
    }

    /** A list of languages, each by its name, joined with commas for reading. */
    public static String languages(List<String> typed) {
        return String.join(", ", typed.stream().map(PlaceNames::language).toList());
    }
}
