package io.aftercare.insights.ruleset;

import java.util.Locale;

import io.aftercare.insights.Figure;
import io.aftercare.insights.Figure.Edge;

/**
 * A released {@link Figure} as the release log keeps it: a short line of text such as {@code S|17|40|42.5|EXACT}.
 * It is the coarse figure the viewer was shown, never anyone's answer.
 */
final class PublishedFigure {

    private PublishedFigure() {
    }

    static String write(Figure figure) {
        if (figure instanceof Figure.Share s) {
            return "S|" + share(s);
        }
        if (figure instanceof Figure.Bands b) {
            return "B|" + share(b.low()) + "|" + share(b.middle()) + "|" + share(b.high());
        }
        if (figure instanceof Figure.Mean m) {
            return String.format(Locale.ROOT, "M|%s|%d", m.value(), m.of());
        }
        if (figure instanceof Figure.Median m) {
            return String.format(Locale.ROOT, "D|%s|%d", m.value(), m.of());
        }
        return "H";
    }

    static Figure read(String text) {
        if (text == null) {
            return null;
        }
        String[] f = text.split("\\|");
        return switch (f[0]) {
            case "S" -> share(f, 1);
            case "B" -> new Figure.Bands(share(f, 1), share(f, 5), share(f, 9));
            case "M" -> new Figure.Mean(Double.parseDouble(f[1]), Integer.parseInt(f[2]));
            case "D" -> new Figure.Median(Double.parseDouble(f[1]), Integer.parseInt(f[2]));
            default -> new Figure.Hidden();
        };
    }

    private static String share(Figure.Share s) {
        return String.format(Locale.ROOT, "%d|%d|%s|%s", s.count(), s.of(), s.percent(), s.edge().name());
    }

    private static Figure.Share share(String[] f, int at) {
        return new Figure.Share(Integer.parseInt(f[at]), Integer.parseInt(f[at + 1]), Double.parseDouble(f[at + 2]),
            Edge.valueOf(f[at + 3]));
    }
}
