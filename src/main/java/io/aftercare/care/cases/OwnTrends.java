package io.aftercare.care.cases;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.aftercare.care.cases.CareViews.StepView;
import io.aftercare.shared.TrendChart;

/**
 * The person's own trend on My aftercare, in words first and a chart second: one sentence per construct ("Going
 * over it has come down since day 1 (lower is better).") and one small chart per construct that has at least
 * {@value TrendChart#MIN_POINTS} answers. Built only for the person themselves, from their own answers, and compared
 * only with their own earlier answers: never a label, never anyone else's numbers.
 */
@Component
class OwnTrends {

    /** A change of half a point or more (on 1 to 5) counts as a change. */
    static final double CHANGE = 0.5;

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

    /**
     * @param waiting the names of the measures with a sentence but no chart yet (two answers), so the page can say
     *                why their chart is missing
     */
    record Trends(List<Sentence> sentences, List<TrendChart> charts, List<String> waiting) {

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
        List<TrendChart> charts = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        for (Construct construct : Construct.values()) {
            List<Value> values = values(points, construct);
            Optional<Sentence> sentence = sentence(construct, construct.better, values, zone, locale);
            Optional<TrendChart> chart = chart(construct, values, zone, locale);
            sentence.ifPresent(sentences::add);
            chart.ifPresent(charts::add);
            if (sentence.isPresent() && chart.isEmpty()) {
                waiting.add(message("care.measure." + construct.name(), locale));
            }
        }
        return new Trends(sentences, charts, waiting);
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
            : TrendChart.date(earlier.at(), zone);
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

    Optional<TrendChart> chart(Construct construct, List<Value> values, ZoneId zone, Locale locale) {
        String title = message("care.measure." + construct.name(), locale);
        String better = message("care.trend.better." + construct.better.name(), locale);
        List<TrendChart.Point> points = values.stream()
            .map(v -> new TrendChart.Point(v.at(), when(v, zone, locale), step(v, locale), v.value())).toList();
        return TrendChart.of("trend-" + construct.name().toLowerCase(Locale.ROOT).replace('_', '-'), title, better,
            points, zone, all -> message("care.trend.chart.description", locale, title, better, all));
    }

    private String when(Value v, ZoneId zone, Locale locale) {
        return step(v, locale) + ", " + TrendChart.date(v.at(), zone);
    }

    private String step(Value v, Locale locale) {
        return v.day() == 0 ? message("care.chart.checkIn", locale) : message("care.chart.day", locale, v.day());
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
