package io.aftercare.care.cases;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.aftercare.care.cases.CareViews.StepView;

/**
 * The person's own trend on My aftercare, in words first and a chart second: one sentence per construct ("Going
 * over it has come down since day 1 (lower is better).") and one small chart per construct that has at least
 * {@value #MIN_CHART_POINTS} answers. Built only for the person themselves, from their own answers, and compared
 * only with their own earlier answers: never a label, never anyone else's numbers.
 */
@Component
class OwnTrends {

    /** Fewer answers than this make no chart: one or two dots say nothing a sentence cannot say better. */
    static final int MIN_CHART_POINTS = 3;

    /** A change of half a point or more (on 1 to 5) counts as a change. */
    static final double CHANGE = 0.5;

    // the chart's drawing area, in the SVG's own units (it scales with the page)
    static final int WIDTH = 320;
    static final int HEIGHT = 112;
    private static final double LEFT = 26;
    private static final double RIGHT = 312;
    private static final double TOP = 8;
    private static final double BOTTOM = 88;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    /** Which way of a construct is the easier one for the person. */
    enum Better { LOWER, HIGHER }

    /** What Aftercare shows a trend of; all on 1 to 5. */
    enum Construct {
        STRESS(Better.LOWER), RUMINATION(Better.LOWER), SELF_CRITICISM(Better.LOWER),
        CONCERN_OVER_MISTAKES(Better.LOWER);

        final Better better;

        Construct(Better better) {
            this.better = better;
        }

        Double value(Measures.Point p) {
            return switch (this) {
                case STRESS -> p.stress();
                case RUMINATION -> p.rumination();
                case SELF_CRITICISM -> p.selfCriticism();
                case CONCERN_OVER_MISTAKES -> p.mistakes();
            };
        }
    }

    enum Direction { DOWN, UP, SAME }

    /** One answer's value of one construct. */
    record Value(Instant at, UUID caseId, int day, double value) {
    }

    /**
     * @param easier whether the change went the easier way (false when it stayed the same)
     */
    record Sentence(Construct construct, Direction direction, boolean easier, String text) {
    }

    /** One dot of a chart, where it is drawn and what it says. */
    record Dot(double x, double y, String label) {
    }

    /** A horizontal guide line with its value (1, 3, 5). */
    record Guide(double y, int value) {
    }

    /**
     * A small line chart of one construct, drawn by the page as SVG.
     *
     * @param description the text alternative: every value with its date
     */
    record Chart(Construct construct, String title, String better, String description, String line,
                 List<Dot> dots, List<Guide> guides, String firstLabel, String lastLabel) {

        public String id() {
            return "trend-" + construct.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public String viewBox() {
            return "0 0 " + WIDTH + " " + HEIGHT;
        }

        public double labelY() {
            return HEIGHT - 6;
        }

        public double right() {
            return RIGHT;
        }

        public double left() {
            return LEFT;
        }
    }

    record Trends(List<Sentence> sentences, List<Chart> charts) {

        public boolean empty() {
            return sentences.isEmpty() && charts.isEmpty();
        }
    }

    private final MessageSource messages;

    OwnTrends(MessageSource messages) {
        this.messages = messages;
    }

    /** The sentences and charts of the person's own answered steps (any order), dates in the viewer's zone. */
    Trends of(List<StepView> steps, ZoneId zone, Locale locale) {
        List<Measures.Point> points = Measures.points(steps);
        List<Sentence> sentences = new ArrayList<>();
        List<Chart> charts = new ArrayList<>();
        for (Construct construct : Construct.values()) {
            List<Value> values = values(points, construct);
            sentence(construct, construct.better, values, zone, locale).ifPresent(sentences::add);
            chart(construct, values, zone, locale).ifPresent(charts::add);
        }
        return new Trends(sentences, charts);
    }

    static List<Value> values(List<Measures.Point> points, Construct construct) {
        return points.stream().filter(p -> construct.value(p) != null)
            .map(p -> new Value(p.at(), p.caseId(), p.day(), construct.value(p))).toList();
    }

    /**
     * How the latest answer compares with an earlier one: with the first of the same case when that case has two
     * or more ("since day 1"), else with the one before it ("since 3 Sep"). Nothing with fewer than two answers.
     */
    Optional<Sentence> sentence(Construct construct, Better better, List<Value> values, ZoneId zone, Locale locale) {
        if (values.size() < 2) {
            return Optional.empty();
        }
        Value latest = values.get(values.size() - 1);
        List<Value> sameCase = values.stream().filter(v -> v.caseId().equals(latest.caseId())).toList();
        Value earlier = sameCase.size() >= 2 ? sameCase.get(0) : values.get(values.size() - 2);
        String since = sameCase.size() >= 2
            ? earlier.day() == 0 ? message("care.trend.sinceCheckIn", locale)
                : message("care.trend.sinceDay", locale, earlier.day())
            : DATE.format(earlier.at().atZone(zone));
        Direction direction = latest.value() <= earlier.value() - CHANGE ? Direction.DOWN
            : latest.value() >= earlier.value() + CHANGE ? Direction.UP : Direction.SAME;
        boolean easier = direction == Direction.DOWN && better == Better.LOWER
            || direction == Direction.UP && better == Better.HIGHER;
        String key = direction == Direction.SAME ? "care.trend.SAME"
            : "care.trend." + direction.name() + (easier ? ".easier" : ".harder");
        String text = message(key, locale, message("care.trend.name." + construct.name(), locale), since,
            message("care.trend.better." + better.name(), locale));
        return Optional.of(new Sentence(construct, direction, easier, text));
    }

    Optional<Chart> chart(Construct construct, List<Value> values, ZoneId zone, Locale locale) {
        if (values.size() < MIN_CHART_POINTS) {
            return Optional.empty();
        }
        List<Dot> dots = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        double step = (RIGHT - LEFT) / (values.size() - 1);
        for (int i = 0; i < values.size(); i++) {
            Value v = values.get(i);
            double x = round(LEFT + i * step);
            double y = y(v.value());
            String label = when(v, zone, locale) + ": " + number(v.value());
            dots.add(new Dot(x, y, label));
            line.append(i == 0 ? "" : " ").append(number(x)).append(',').append(number(y));
        }
        List<Guide> guides = List.of(new Guide(y(5), 5), new Guide(y(3), 3), new Guide(y(1), 1));
        String description = message("care.trend.chart.description", locale,
            message("care.measure." + construct.name(), locale), message("care.trend.better." + construct.better.name(),
                locale), String.join("; ", dots.stream().map(Dot::label).toList()));
        return Optional.of(new Chart(construct, message("care.measure." + construct.name(), locale),
            message("care.trend.better." + construct.better.name(), locale), description, line.toString(),
            dots, guides, DATE.format(values.get(0).at().atZone(zone)),
            DATE.format(values.get(values.size() - 1).at().atZone(zone))));
    }

    private String when(Value v, ZoneId zone, Locale locale) {
        String date = DATE.format(v.at().atZone(zone));
        return v.day() == 0 ? message("care.chart.checkIn", locale) + ", " + date
            : message("care.chart.day", locale, v.day()) + ", " + date;
    }

    private static double y(double value) {
        return round(TOP + (5 - value) * (BOTTOM - TOP) / 4);
    }

    private static double round(double d) {
        return Math.round(d * 10) / 10.0;
    }

    /** 3 rather than 3.0; 2.5 as 2.5. */
    static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(round(d));
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
