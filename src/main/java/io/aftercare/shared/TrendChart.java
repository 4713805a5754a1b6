package io.aftercare.shared;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * A small line chart of one of a person's own measures on 1 to 5, drawn by {@code templates/fragments/trend-chart.html}
 * as SVG. My aftercare (care) and the self-compassion measure (recovery) show the same chart; the geometry lives here
 * once so the two pages cannot drift apart. What the dots mean (their labels, the title, the text alternative) is
 * the caller's: this class knows only where to draw them.
 *
 * @param id the figure's HTML id
 * @param description the text alternative: every value with its label
 */
public record TrendChart(String id, String title, String better, String description, String line, List<Dot> dots,
                         List<Guide> guides, String firstLabel, String lastLabel) {

    /** Fewer answers than this make no chart: one or two dots say nothing a sentence cannot say better. */
    public static final int MIN_POINTS = 3;

    // the drawing area, in the SVG's own units (it scales with the page)
    static final int WIDTH = 320;
    static final int HEIGHT = 112;
    private static final double LEFT = 26;
    private static final double RIGHT = 312;
    private static final double TOP = 8;
    private static final double BOTTOM = 88;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    /**
     * One answer to draw: when it was given, how the dot is read out (Day 7 and its date), its short name in its
     * series (Day 7) and its value.
     */
    public record Point(Instant at, String label, String step, double value) {
    }

    /** One dot of a chart, where it is drawn and what it says. */
    public record Dot(double x, double y, String label) {
    }

    /** A horizontal guide line with its value (5, 3, 1). */
    public record Guide(double y, int value) {
    }

    /**
     * The chart of the points in the order given, or nothing with fewer than {@value #MIN_POINTS}.
     *
     * @param describe makes the text alternative from every dot's label, joined by "; "
     */
    public static Optional<TrendChart> of(String id, String title, String better, List<Point> points, ZoneId zone,
                                          Function<String, String> describe) {
        if (points.size() < MIN_POINTS) {
            return Optional.empty();
        }
        List<Dot> dots = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        double step = (RIGHT - LEFT) / (points.size() - 1);
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            double x = round(LEFT + i * step);
            double y = y(p.value());
            dots.add(new Dot(x, y, p.label() + ": " + number(p.value())));
            line.append(i == 0 ? "" : " ").append(number(x)).append(',').append(number(y));
        }
        List<Guide> guides = List.of(new Guide(y(5), 5), new Guide(y(3), 3), new Guide(y(1), 1));
        String description = describe.apply(String.join("; ", dots.stream().map(Dot::label).toList()));
        Point first = points.get(0);
        Point last = points.get(points.size() - 1);
        // "5 Dec … 5 Dec" says nothing: when the first and last answers fall on one day, the axis names the steps
        boolean oneDay = date(first.at(), zone).equals(date(last.at(), zone));
        return Optional.of(new TrendChart(id, title, better, description, line.toString(), dots, guides,
            oneDay ? first.step() : date(first.at(), zone), oneDay ? last.step() : date(last.at(), zone)));
    }

    /** A chart's and a trend sentence's date: "3 Sep". */
    public static String date(Instant at, ZoneId zone) {
        return DATE.format(at.atZone(zone));
    }

    /** 3 rather than 3.0; 2.5 as 2.5. */
    public static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(round(d));
    }

    /**
     * The dots as SVG markup, one {@code <circle class="dot">} each: made of numbers only (nothing a person wrote),
     * so the template may write it as it is. One string instead of a template loop over the dots, which was a
     * measurable share of My aftercare's rendering (a demo person's page draws some sixty; docs/decisions/0065).
     */
    public String dotsMarkup() {
        StringBuilder svg = new StringBuilder(dots.size() * 56);
        for (Dot d : dots) {
            svg.append("<circle class=\"dot\" r=\"3.5\" cx=\"").append(d.x()).append("\" cy=\"").append(d.y())
                .append("\"></circle>");
        }
        return svg.toString();
    }

    public String viewBox() {
        return "0 0 " + WIDTH + " " + HEIGHT;
    }

    public double labelY() {
        return HEIGHT - 6;
    }

    public double left() {
        return LEFT;
    }

    public double right() {
        return RIGHT;
    }

    private static double y(double value) {
        return round(TOP + (5 - value) * (BOTTOM - TOP) / 4);
    }

    private static double round(double d) {
        return Math.round(d * 10) / 10.0;
    }
}
