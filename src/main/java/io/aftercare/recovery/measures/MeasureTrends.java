package io.aftercare.recovery.measures;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.aftercare.recovery.measures.SelfCompassionMeasure.Answer;
import io.aftercare.recovery.measures.SelfCompassionMeasure.Construct;
import io.aftercare.recovery.measures.SelfCompassionMeasure.Stage;
import io.aftercare.shared.TrendChart;

/**
 * The person's own trajectory, in words first and a chart second, as My aftercare shows the follow-ups: one sentence
 * per construct once it has two answers ("Being kind to yourself has gone up since you started (higher is
 * better)."), one small chart per construct once it has three. Compared only with the person's own first answer.
 */
@Component
class MeasureTrends {

    /** A change of half a point or more (on 1 to 5) counts as a change. */
    static final double CHANGE = 0.5;

    record Trends(List<String> sentences, List<TrendChart> charts) {
    }

    private record Value(Answer answer, double value) {
    }

    private final MessageSource messages;

    MeasureTrends(MessageSource messages) {
        this.messages = messages;
    }

    Trends of(List<Answer> answers, ZoneId zone, Locale locale) {
        List<String> sentences = new ArrayList<>();
        List<TrendChart> charts = new ArrayList<>();
        for (Construct construct : Construct.values()) {
            List<Value> values = answers.stream().filter(a -> a.scores().get(construct) != null)
                .map(a -> new Value(a, a.scores().get(construct))).toList();
            sentence(construct, values, locale).ifPresent(sentences::add);
            chart(construct, values, zone, locale).ifPresent(charts::add);
        }
        return new Trends(sentences, charts);
    }

    private Optional<String> sentence(Construct construct, List<Value> values, Locale locale) {
        if (values.size() < 2) {
            return Optional.empty();
        }
        double first = values.get(0).value();
        double latest = values.get(values.size() - 1).value();
        String key = latest >= first + CHANGE ? "recovery.measure.trend.UP"
            : latest <= first - CHANGE ? "recovery.measure.trend.DOWN" : "recovery.measure.trend.SAME";
        return Optional.of(message(key, locale, message(SelfCompassionMeasure.messageKey(construct), locale)));
    }

    private Optional<TrendChart> chart(Construct construct, List<Value> values, ZoneId zone, Locale locale) {
        String title = message(SelfCompassionMeasure.messageKey(construct), locale);
        String better = message("recovery.measure.better", locale);
        List<TrendChart.Point> points = values.stream()
            .map(v -> new TrendChart.Point(v.answer().answeredAt(), when(v.answer(), zone, locale),
                message(stageKey(v.answer().stage()), locale), v.value()))
            .toList();
        return TrendChart.of("measure-" + construct.name().toLowerCase(Locale.ROOT).replace('_', '-'), title,
            better, points, zone, all -> message("recovery.measure.chart.description", locale, title, better, all));
    }

    private String when(Answer a, ZoneId zone, Locale locale) {
        return message(stageKey(a.stage()), locale) + ", " + TrendChart.date(a.answeredAt(), zone);
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    static String stageKey(Stage stage) {
        return "recovery.measure.stage." + stage.name();
    }
}
