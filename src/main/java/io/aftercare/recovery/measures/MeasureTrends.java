package io.aftercare.recovery.measures;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.aftercare.recovery.measures.SelfCompassionMeasure.Answer;
import io.aftercare.recovery.measures.SelfCompassionMeasure.Construct;
import io.aftercare.recovery.measures.SelfCompassionMeasure.Stage;

/**
 * The person's own trajectory, in words first and a chart second, as My aftercare shows the follow-ups: one sentence
 * per construct once it has two answers ("Being kind to yourself has gone up since you started (higher is
 * better)."), one small chart per construct once it has three. Compared only with the person's own first answer.
 */
@Component
class MeasureTrends {

    static final int MIN_CHART_POINTS = 3;
    static final double CHANGE = 0.5;

    static final int WIDTH = 320;
    static final int HEIGHT = 112;
    private static final double LEFT = 26;
    private static final double RIGHT = 312;
    private static final double TOP = 8;
    private static final double BOTTOM = 88;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    record Dot(double x, double y, String label) {
    }

    record Guide(double y, int value) {
    }

    /** One construct's chart, drawn by the page as SVG; {@code description} carries every value, as text. */
    record Chart(Construct construct, String title, String better, String description, String line, List<Dot> dots,
                 List<Guide> guides, String firstLabel, String lastLabel) {

        public String id() {
            return "measure-" + construct.name().toLowerCase(Locale.ROOT).replace('_', '-');
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
    }

    record Trends(List<String> sentences, List<Chart> charts) {
    }

    private record Value(Answer answer, double value) {
    }

    private final MessageSource messages;

    MeasureTrends(MessageSource messages) {
        this.messages = messages;
    }

    Trends of(List<Answer> answers, ZoneId zone, Locale locale) {
        List<String> sentences = new ArrayList<>();
        List<Chart> charts = new ArrayList<>();
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

    private Optional<Chart> chart(Construct construct, List<Value> values, ZoneId zone, Locale locale) {
        if (values.size() < MIN_CHART_POINTS) {
            return Optional.empty();
        }
        List<Dot> dots = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        double step = (RIGHT - LEFT) / (values.size() - 1);
        for (int i = 0; i < values.size(); i++) {
            Value v = values.get(i);
            double x = round(LEFT + i * step);
            double y = round(TOP + (5 - v.value()) * (BOTTOM - TOP) / 4);
            dots.add(new Dot(x, y, when(v.answer(), zone, locale) + ": " + number(v.value())));
            line.append(i == 0 ? "" : " ").append(number(x)).append(',').append(number(y));
        }
        List<Guide> guides = List.of(new Guide(TOP, 5), new Guide(round(TOP + (BOTTOM - TOP) / 2), 3),
            new Guide(BOTTOM, 1));
        String title = message(SelfCompassionMeasure.messageKey(construct), locale);
        String better = message("recovery.measure.better", locale);
        String description = message("recovery.measure.chart.description", locale, title, better,
            String.join("; ", dots.stream().map(Dot::label).toList()));
        return Optional.of(new Chart(construct, title, better, description, line.toString(), dots, guides,
            DATE.format(values.get(0).answer().answeredAt().atZone(zone)),
            DATE.format(values.get(values.size() - 1).answer().answeredAt().atZone(zone))));
    }

    private String when(Answer a, ZoneId zone, Locale locale) {
        String date = DATE.format(a.answeredAt().atZone(zone));
        return message("recovery.measure.stage." + a.stage().name(), locale) + ", " + date;
    }

    private static double round(double d) {
        return Math.round(d * 10) / 10.0;
    }

    static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(round(d));
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    static String stageKey(Stage stage) {
        return "recovery.measure.stage." + stage.name();
    }
}
