package io.aftercare.insights.teams;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.aftercare.insights.Figure;
import io.aftercare.insights.FigureText;

/**
 * Puts a released {@link Figure} into a plain sentence and the bars of its chart, through the messages. A hidden
 * figure reads the same whatever hid it; a share at an edge reads "2 or fewer of 40" and draws no bar.
 */
@Component
public class FigureWords {

    private final MessageSource messages;
    private final FigureText figures;

    FigureWords(MessageSource messages, FigureText figures) {
        this.messages = messages;
        this.figures = figures;
    }

    public String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** "12 of 20 (60.0%)", "2 or fewer of 40", "all but 2 or fewer of 40". */
    public String share(Figure.Share s, Locale locale) {
        return figures.text(s, locale);
    }

    /** "Not enough answers to show without identifying anyone", whatever hid the figure. */
    public String hidden(Locale locale) {
        return figures.hidden(locale);
    }

    /** A share as a sentence ({@code key} takes the share first, then {@code args}). */
    InsightReport.Line line(String figure, String group, String label, Figure released, Locale locale, String key,
                            Object... args) {
        if (released instanceof Figure.Share s) {
            Object[] all = new Object[args.length + 1];
            all[0] = share(s, locale);
            System.arraycopy(args, 0, all, 1, args.length);
            return new InsightReport.Line(figure, group, label, capitalised(text(key, locale, all), locale), released,
                s.edge() == Figure.Edge.EXACT ? List.of(new InsightReport.Bar(s.percent(), "share")) : List.of());
        }
        return hidden(figure, group, label, released, locale);
    }

    InsightReport.Line medianLine(String figure, String label, Figure released, Locale locale) {
        if (released instanceof Figure.Median m) {
            return new InsightReport.Line(figure, "all", label,
                text("insight.outreach.median", locale, duration(m.value(), locale), m.of()), released, List.of());
        }
        return hidden(figure, "all", label, released, locale);
    }

    /** Minutes as "45 minutes" or "5.5 hours". */
    String duration(double minutes, Locale locale) {
        if (minutes < 60) {
            return text("insight.minutes", locale, Math.round(minutes));
        }
        return text("insight.hours", locale, String.format(locale, "%.1f", minutes / 60));
    }

    InsightReport.Line bandsLine(String figure, String label, Figure released, Locale locale, String measure,
                                 int day) {
        if (released instanceof Figure.Bands b) {
            List<InsightReport.Bar> bars = List.of();
            if (b.low().edge() == Figure.Edge.EXACT && b.middle().edge() == Figure.Edge.EXACT
                && b.high().edge() == Figure.Edge.EXACT) {
                bars = List.of(new InsightReport.Bar(b.low().percent(), "low"),
                    new InsightReport.Bar(b.middle().percent(), "middle"),
                    new InsightReport.Bar(b.high().percent(), "high"));
            }
            return new InsightReport.Line(figure, "all", label, text("insight.followup", locale, measure, day,
                b.low().of(), share(b.low(), locale), share(b.middle(), locale), share(b.high(), locale)),
                released, bars);
        }
        return hidden(figure, "all", label, released, locale);
    }

    private InsightReport.Line hidden(String figure, String group, String label, Figure released, Locale locale) {
        return new InsightReport.Line(figure, group, label, hidden(locale),
            released instanceof Figure.Hidden ? released : new Figure.Hidden(), List.of());
    }

    private static String capitalised(String s, Locale locale) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(locale) + s.substring(1);
    }
}
