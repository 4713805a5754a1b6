package io.aftercare.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import io.aftercare.insights.Figure.Edge;

class FigureTextTest {

    final FigureText text;

    FigureTextTest() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages/insights");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        text = new FigureText(messages);
    }

    @Test
    void sharesReadAsCalmFragments() {
        assertThat(text.text(new Figure.Share(17, 40, 42.5, Edge.EXACT), Locale.ENGLISH)).isEqualTo("17 of 40 (42.5%)");
        assertThat(text.text(new Figure.Share(2, 40, 5, Edge.FEW), Locale.ENGLISH)).isEqualTo("2 or fewer of 40");
        assertThat(text.text(new Figure.Share(39, 40, 97.5, Edge.ALL_BUT_FEW), Locale.ENGLISH))
            .isEqualTo("all but 2 or fewer of 40");
        // a band or option withheld so that the total cannot give away a small count beside it: no number at all
        assertThat(text.text(new Figure.Share(0, 7, 0, Edge.WITHHELD), Locale.ENGLISH))
            .isEqualTo("some of 7 (not shown, so that a small count beside it cannot be worked out from the total)");
    }

    @Test
    void hiddenIsOneSentenceForEveryReason() {
        assertThat(text.text(new Figure.Hidden(), Locale.ENGLISH))
            .isEqualTo("Not enough answers to show without identifying anyone").isEqualTo(text.hidden(Locale.ENGLISH));
    }

    @Test
    void bandsMeansAndMedians() {
        Figure.Share few = new Figure.Share(0, 6, 0, Edge.FEW);
        assertThat(text.text(new Figure.Bands(few, new Figure.Share(3, 6, 50, Edge.EXACT), few), Locale.ENGLISH))
            .isEqualTo("low (1–2): 2 or fewer of 6; middle (3): 3 of 6 (50.0%); high (4–5): 2 or fewer of 6");
        assertThat(text.text(new Figure.Mean(3.5, 8), Locale.ENGLISH)).isEqualTo("about 3.5 on average, from 8 answers");
        assertThat(text.text(new Figure.Median(20, 7), Locale.ENGLISH)).isEqualTo("a median of 20, from 7 answers");
    }
}
