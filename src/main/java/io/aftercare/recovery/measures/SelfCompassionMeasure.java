package io.aftercare.recovery.measures;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.aftercare.directory.Directory;
import io.aftercare.directory.PersonRef;
import io.aftercare.shared.DbTime;
import io.aftercare.shared.DomainException;
import io.aftercare.shared.Problems.FieldError;

/**
 * Aftercare's own six statements about how kindly a person is treating themselves right now (state
 * self-compassion; our items, inspired by the construct of Neff et al. 2021's SSCS-S, not the published scale; see
 * docs/instruments.md). Optional, and for the person alone: offered before they start (the journal may offer it
 * before its first day, through {@link #due}), then on the 7th and 30th day counting from their first answer, and answerable at any
 * other time. Never aggregated, never a diagnosis.
 *
 * <p>The recovery module's own API for its other tools: {@link #due} says whether one is waiting to be offered,
 * {@link #answered} whether the person has ever answered.
 */
@Service
public class SelfCompassionMeasure {

    /** Where an answer sits in the rhythm: before, a week after and a month after the first one, or in between. */
    public enum Stage {
        BEFORE(0), DAY_7(7), DAY_30(30), EXTRA(-1);

        final int day;

        Stage(int day) {
            this.day = day;
        }
    }

    /** A day-7 or day-30 offer stays open this long after it falls due; after that it is let go, unasked. */
    static final Duration OPEN_FOR = Duration.ofDays(21);

    /**
     * The six statements, each for one side of one construct; a reversed statement counts as 6 minus its answer,
     * so that for every construct higher is the kinder way.
     */
    public enum Item {
        KIND_1("kindness", Construct.KINDNESS, false),
        KIND_2("harshness", Construct.KINDNESS, true),
        HUMANITY_1("othersToo", Construct.COMMON_HUMANITY, false),
        HUMANITY_2("onlyMe", Construct.COMMON_HUMANITY, true),
        PROPORTION_1("noticing", Construct.PROPORTION, false),
        PROPORTION_2("sweptAway", Construct.PROPORTION, true);

        public final String key;
        final Construct construct;
        final boolean reversed;

        Item(String key, Construct construct, boolean reversed) {
            this.key = key;
            this.construct = construct;
            this.reversed = reversed;
        }

        String column() {
            return "item_" + (ordinal() + 1);
        }

        static Optional<Item> byKey(String key) {
            for (Item item : values()) {
                if (item.key.equals(key)) {
                    return Optional.of(item);
                }
            }
            return Optional.empty();
        }
    }

    /** The three sides of self-compassion Aftercare shows a trend of; for each, higher is the kinder way. */
    public enum Construct {
        KINDNESS, COMMON_HUMANITY, PROPORTION
    }

    /** One answer: the statements answered (1 to 5, as given) and each construct's value (null if unanswered). */
    public record Answer(UUID id, Stage stage, Instant answeredAt, Map<String, Integer> items,
                         Map<Construct, Double> scores) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Directory directory;

    SelfCompassionMeasure(JdbcClient jdbc, Clock clock, Directory directory) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.directory = directory;
    }

    /**
     * The point at which a questionnaire is waiting for the person now, if one is: BEFORE until they first answer,
     * then DAY_7 from the 7th day and DAY_30 from the 30th day, counting the day of that first answer as day 1 in the
     * person's time zone, as the journal counts its days (each for three weeks, until answered). Someone who answers
     * as they start the journal is asked again on its day 7, and on day 30.
     */
    @Transactional(readOnly = true)
    public Optional<Stage> due(UUID personId) {
        List<Answer> answers = answers(personId);
        if (answers.isEmpty()) {
            return Optional.of(Stage.BEFORE);
        }
        ZoneId zone = directory.person(personId).map(PersonRef::timeZone).orElse(ZoneOffset.UTC);
        LocalDate firstDay = LocalDate.ofInstant(answers.get(0).answeredAt(), zone);
        Instant now = clock.instant();
        for (Stage stage : List.of(Stage.DAY_30, Stage.DAY_7)) {
            Instant from = firstDay.plusDays(stage.day - 1L).atStartOfDay(zone).toInstant();
            boolean answered = answers.stream().anyMatch(a -> a.stage() == stage);
            if (!answered && !now.isBefore(from) && now.isBefore(from.plus(OPEN_FOR))) {
                return Optional.of(stage);
            }
        }
        return Optional.empty();
    }

    /** Whether the person has answered at least once. */
    @Transactional(readOnly = true)
    public boolean answered(UUID personId) {
        return jdbc.sql("SELECT COUNT(*) FROM recovery_self_compassion WHERE person_id = ?").param(personId)
            .query(Long.class).single() > 0;
    }

    /** The person's answers, oldest first. */
    @Transactional(readOnly = true)
    public List<Answer> answers(UUID personId) {
        return jdbc.sql("SELECT * FROM recovery_self_compassion WHERE person_id = ? ORDER BY answered_at, id")
            .param(personId)
            .query((rs, n) -> {
                Map<String, Integer> items = new LinkedHashMap<>();
                for (Item item : Item.values()) {
                    Object value = rs.getObject(item.column());
                    if (value != null) {
                        items.put(item.key, ((Number) value).intValue());
                    }
                }
                return new Answer(rs.getObject("id", UUID.class), Stage.valueOf(rs.getString("stage")),
                    DbTime.instant(rs, "answered_at"), items, scores(items));
            })
            .list();
    }

    /**
     * Keeps the person's answer: statement key to 1..5, each optional, at least one given. The stage is the one due
     * now, or EXTRA.
     */
    @Transactional
    public Answer answer(UUID personId, Map<String, ?> given) {
        Map<String, Integer> items = validate(given);
        Stage stage = due(personId).orElse(Stage.EXTRA);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Object[] values = new Object[Item.values().length];
        for (Item item : Item.values()) {
            values[item.ordinal()] = items.get(item.key);
        }
        jdbc.sql("""
                INSERT INTO recovery_self_compassion (id, person_id, stage, item_1, item_2, item_3, item_4, item_5,
                                                      item_6, answered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(id, personId, stage.name(), values[0], values[1], values[2], values[3], values[4], values[5],
                DbTime.toDb(now))
            .update();
        return new Answer(id, stage, now, items, scores(items));
    }

    static Map<String, Integer> validate(Map<String, ?> given) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> items = new LinkedHashMap<>();
        if (given != null) {
            given.forEach((key, raw) -> {
                Optional<Item> item = Item.byKey(key);
                if (item.isEmpty()) {
                    errors.add(new FieldError("items." + key, "is not one of the statements"));
                    return;
                }
                if (raw == null || raw instanceof String s && s.isBlank()) {
                    return;
                }
                Integer value = raw instanceof Number n && n.doubleValue() == n.intValue() ? n.intValue()
                    : raw instanceof String s && s.strip().matches("[1-5]") ? Integer.valueOf(s.strip()) : null;
                if (value == null || value < 1 || value > 5) {
                    errors.add(new FieldError("items." + key, "must be a whole number from 1 to 5"));
                    return;
                }
                items.put(item.get().key, value);
            });
        }
        if (errors.isEmpty() && items.isEmpty()) {
            errors.add(new FieldError("items", "answer at least one statement"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        Map<String, Integer> ordered = new LinkedHashMap<>();
        for (Item item : Item.values()) {
            if (items.containsKey(item.key)) {
                ordered.put(item.key, items.get(item.key));
            }
        }
        return ordered;
    }

    /** Each construct's mean of its answered statements, reversed ones as 6 minus the answer; null when none. */
    static Map<Construct, Double> scores(Map<String, Integer> items) {
        Map<Construct, Double> scores = new LinkedHashMap<>();
        for (Construct construct : Construct.values()) {
            double sum = 0;
            int n = 0;
            for (Item item : Item.values()) {
                Integer value = items.get(item.key);
                if (item.construct == construct && value != null) {
                    sum += item.reversed ? 6 - value : value;
                    n++;
                }
            }
            scores.put(construct, n == 0 ? null : sum / n);
        }
        return scores;
    }

    static String messageKey(Construct construct) {
        return "recovery.measure.construct." + construct.name().toLowerCase(Locale.ROOT);
    }
}
