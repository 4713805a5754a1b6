package io.aftercare.peersupport.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Which resources someone waiting for a supporter is shown: their country's, else their language's, else all. */
class ResourcesTest {

    static Resources.Entry entry(String name, String country, String language) {
        return new Resources.Entry(UUID.randomUUID(), country, language, "CRISIS", name, "", "", "");
    }

    final List<Resources.Entry> all = List.of(entry("Samaritans", "UK", "en"), entry("988", "US", "English"),
        entry("Telefonseelsorge", "Germany", "de"), entry("Ligne", "FR", "fr"));

    static List<String> names(List<Resources.Entry> entries) {
        return entries.stream().map(Resources.Entry::name).toList();
    }

    @Test
    void theirCountryFirstByCodeOrName() {
        assertThat(names(Resources.choose(all, Locale.UK))).containsExactly("Samaritans");
        assertThat(names(Resources.choose(all, Locale.US))).containsExactly("988");
        assertThat(names(Resources.choose(all, Locale.GERMANY))).containsExactly("Telefonseelsorge");
    }

    @Test
    void elseTheirLanguageElseEverything() {
        assertThat(names(Resources.choose(all, Locale.forLanguageTag("de-AT")))).containsExactly("Telefonseelsorge");
        assertThat(names(Resources.choose(all, Locale.ENGLISH))).containsExactly("Samaritans", "988");
        assertThat(names(Resources.choose(all, Locale.JAPAN))).containsExactly("Samaritans", "988",
            "Telefonseelsorge", "Ligne");
    }

    @Test
    void entriesForEverywhereGoWithTheirPlace_andAloneWhenNothingElseIsTheirs() {
        List<Resources.Entry> withEverywhere = new java.util.ArrayList<>(all);
        withEverywhere.add(entry("Befrienders Worldwide", "Everywhere", ""));
        assertThat(names(Resources.choose(withEverywhere, Locale.UK)))
            .containsExactly("Samaritans", "Befrienders Worldwide");
        assertThat(names(Resources.choose(withEverywhere, Locale.JAPAN))).containsExactly("Befrienders Worldwide");
        assertThat(Resources.choose(all, Locale.JAPAN)).as("nothing theirs: every entry, the same list").isSameAs(all);
    }
}
