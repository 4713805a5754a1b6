package io.aftercare.insights;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A released {@link Figure} as a calm sentence fragment, through messages, for pages and for CSV alike: "17 of 40
 * (42.5%)", "2 or fewer of 40", "all but 2 or fewer of 40", "Not enough answers to show without identifying
 * anyone". At an edge neither the count nor the percentage is written, whatever the figure holds.
 */
@Component
public class FigureText {

    private final MessageSource messages;

    public FigureText(MessageSource messages) {
        this.messages = messages;
    }

    public String text(Figure figure, Locale locale) {
        if (figure instanceof Figure.Share share) {
            return share(share, locale);
        }
        if (figure instanceof Figure.Bands bands) {
            return message("insights.figure.bands", locale, share(bands.low(), locale), share(bands.middle(), locale),
                share(bands.high(), locale));
        }
        if (figure instanceof Figure.Mean mean) {
            return message("insights.figure.mean", locale, decimal(mean.value(), locale), mean.of());
        }
        if (figure instanceof Figure.Median median) {
            return message("insights.figure.median", locale, decimal(median.value(), locale), median.of());
        }
        return hidden(locale);
    }

    /** The same sentence for a figure that is {@link Figure.Hidden}, whatever the reason. */
    public String hidden(Locale locale) {
        return message("insights.figure.hidden", locale);
    }

    private String share(Figure.Share share, Locale locale) {
        return switch (share.edge()) {
            case FEW -> message("insights.figure.share.few", locale, share.of());
            case ALL_BUT_FEW -> message("insights.figure.share.allButFew", locale, share.of());
            case WITHHELD -> message("insights.figure.share.withheld", locale, share.of());
            case EXACT -> message("insights.figure.share", locale, share.count(), share.of(),
                String.format(locale, "%.1f", share.percent()));
        };
    }

    private static String decimal(double value, Locale locale) {
        return value == Math.rint(value) ? String.format(locale, "%.0f", value) : String.format(locale, "%.1f", value);
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
