package io.aftercare.peersupport.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A code typed into a resource or a supporter's languages reads as a name on the page; a name stays as typed. */
class PlaceNamesTest {

    @Test
    void countryCodesReadAsNames() {
        assertThat(PlaceNames.country("GB")).isEqualTo("United Kingdom");
        assertThat(PlaceNames.country("uk")).isEqualTo("United Kingdom");
        assertThat(PlaceNames.country("de")).isEqualTo("Germany");
        assertThat(PlaceNames.country("Germany")).isEqualTo("Germany");
        assertThat(PlaceNames.country("Everywhere")).isEqualTo("Everywhere");
        assertThat(PlaceNames.country("QQ")).isEqualTo("QQ");
        assertThat(PlaceNames.country(" ")).isEmpty();
    }

    @Test
    void languageCodesReadAsNames() {
        assertThat(PlaceNames.language("en")).isEqualTo("English");
        assertThat(PlaceNames.language("yo")).isEqualTo("Yoruba");
        assertThat(PlaceNames.language("pt-BR")).isEqualTo("Portuguese (Brazil)");
        assertThat(PlaceNames.language("English")).isEqualTo("English");
        assertThat(PlaceNames.language("Sign")).isEqualTo("Sign");
        assertThat(PlaceNames.language("qq")).isEqualTo("qq");
        assertThat(PlaceNames.languages(List.of("ja", "en", "Klingon"))).isEqualTo("Japanese, English, Klingon");
    }
}
