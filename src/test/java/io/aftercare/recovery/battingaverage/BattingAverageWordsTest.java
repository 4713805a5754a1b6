package io.aftercare.recovery.battingaverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The batting average's sentence about incidents, for each way a person's record can be. */
class BattingAverageWordsTest {

    private final BattingAverageWords words = new BattingAverageWords(messages());

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("messages/recovery");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    private String incidents(int lastYear, int inAll) {
        return words.sentences(new BattingAverage(lastYear, inAll, null, null, null, null), Locale.ENGLISH).stream()
            .filter(s -> s.startsWith("Since Aftercare")).findFirst().orElse(null);
    }

    @Test
    void saysHowManyOfAllTheIncidentsCameInTheLastYear() {
        assertThat(incidents(1, 2))
            .isEqualTo("Since Aftercare has known you, you were in 2 incidents, one of them in the last 12 months.");
        assertThat(incidents(3, 7))
            .isEqualTo("Since Aftercare has known you, you were in 7 incidents, 3 of them in the last 12 months.");
    }

    @Test
    void saysWhenNoneCameInTheLastYear() {
        assertThat(incidents(0, 1))
            .isEqualTo("Since Aftercare has known you, you were in one incident, more than 12 months ago.");
        assertThat(incidents(0, 3))
            .isEqualTo("Since Aftercare has known you, you were in 3 incidents, all more than 12 months ago.");
    }

    @Test
    void doesNotCountTheSameIncidentsTwiceWhenAllCameInTheLastYear() {
        assertThat(incidents(1, 1))
            .isEqualTo("Since Aftercare has known you, you were in one incident, in the last 12 months.");
        assertThat(incidents(4, 4))
            .isEqualTo("Since Aftercare has known you, you were in 4 incidents, all in the last 12 months.");
    }

    @Test
    void saysNothingAboutIncidentsThereWereNone() {
        assertThat(incidents(0, 0)).isNull();
    }
}
