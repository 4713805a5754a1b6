package io.aftercare.peersupport.health;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The privacy rule of programme health, as pure functions over rows about people. Every figure is folded to one
 * value per person first, the viewer is left out, and it is shown only when at least {@link #K} people are in it
 * <em>and</em> at least {@link #K} of them are counted by it (numerator and denominator). What is shown is a broad
 * band, never a count or a percentage, and the same "not enough" for 0 people as for {@code K - 1}.
 */
final class HealthRules {

    /** Distinct people, not counting the viewer (docs/privacy.md, "Aggregates"). */
    static final int K = 5;

    private HealthRules() {
    }

    /** One row of a proportion: something that went well ({@code yes}) or not, about one person. */
    record Outcome(UUID person, boolean yes) {
        Outcome {
            Objects.requireNonNull(person);
        }
    }

    /** How one person's rows become one value. */
    enum Fold {
        /** The person counts when every one of their rows is a yes (the programme did well for them each time). */
        EVERY,
        /** The person counts when any of their rows is a yes (it happened to them at least once). */
        ANY
    }

    /** Proportions in five bands; the edges are exact fractions (a quarter, 45 %, 55 %, three quarters). */
    enum Share {
        FEWER_THAN_A_QUARTER, A_QUARTER_TO_NEARLY_HALF, ABOUT_HALF, MORE_THAN_HALF, MORE_THAN_THREE_QUARTERS;

        static Share of(long counted, long people) {
            if (4 * counted < people) {
                return FEWER_THAN_A_QUARTER;
            }
            if (20 * counted < 9 * people) {
                return A_QUARTER_TO_NEARLY_HALF;
            }
            if (20 * counted <= 11 * people) {
                return ABOUT_HALF;
            }
            return 4 * counted <= 3 * people ? MORE_THAN_HALF : MORE_THAN_THREE_QUARTERS;
        }
    }

    /** The share of people counted by a figure, or empty when it cannot be shown without identifying anyone. */
    static Optional<Share> share(Collection<Outcome> rows, Fold fold, UUID viewer) {
        Map<UUID, Boolean> people = new HashMap<>();
        for (Outcome row : rows) {
            if (row.person().equals(viewer)) {
                continue;
            }
            people.merge(row.person(), row.yes(), fold == Fold.EVERY ? Boolean::logicalAnd : Boolean::logicalOr);
        }
        long counted = people.values().stream().filter(yes -> yes).count();
        if (people.size() < K || counted < K) {
            return Optional.empty();
        }
        return Optional.of(Share.of(counted, people.size()));
    }

    /** One case's time to first outreach, or {@code null} when nobody reached out (in time for the month). */
    record Delay(UUID person, Duration delay) {
        Delay {
            Objects.requireNonNull(person);
        }
    }

    /** The typical (median) time to first outreach, in three bands. */
    enum Speed {
        WITHIN_A_DAY, WITHIN_THREE_DAYS, LONGER;

        static Speed of(Duration delay) {
            if (delay != null && delay.compareTo(Duration.ofDays(1)) <= 0) {
                return WITHIN_A_DAY;
            }
            return delay != null && delay.compareTo(Duration.ofDays(3)) <= 0 ? WITHIN_THREE_DAYS : LONGER;
        }
    }

    /**
     * The median over people of each person's longest wait for a first outreach (no outreach at all is the longest);
     * shown only over at least {@link #K} people of whom at least {@link #K} were reached.
     */
    static Optional<Speed> typicalSpeed(Collection<Delay> rows, UUID viewer) {
        Map<UUID, Optional<Duration>> people = new HashMap<>();
        for (Delay row : rows) {
            if (row.person().equals(viewer)) {
                continue;
            }
            Optional<Duration> mine = Optional.ofNullable(row.delay());
            people.merge(row.person(), mine, (a, b) -> a.isEmpty() || b.isEmpty() ? Optional.empty()
                : Optional.of(a.get().compareTo(b.get()) >= 0 ? a.get() : b.get()));
        }
        long reached = people.values().stream().filter(Optional::isPresent).count();
        if (people.size() < K || reached < K) {
            return Optional.empty();
        }
        List<Optional<Duration>> sorted = people.values().stream()
            .sorted((a, b) -> a.isEmpty() ? (b.isEmpty() ? 0 : 1) : b.isEmpty() ? -1 : a.get().compareTo(b.get()))
            .toList();
        return Optional.of(Speed.of(sorted.get((sorted.size() - 1) / 2).orElse(null)));
    }

    /** One request offered to one supporter. */
    record Load(UUID supporter, UUID person) {
        Load {
            Objects.requireNonNull(supporter);
            Objects.requireNonNull(person);
        }
    }

    /** Whether requests are spread evenly over supporters (at most one apart) or not. */
    enum Spread {
        EVEN, UNEVEN
    }

    /**
     * How evenly requests were spread: shown only when at least {@link #K} people asked and at least {@link #K}
     * supporters were offered requests (neither counting the viewer). The counts themselves are never shown.
     */
    static Optional<Spread> spread(Collection<Load> rows, UUID viewer) {
        List<Load> others = rows.stream()
            .filter(r -> !r.person().equals(viewer) && !r.supporter().equals(viewer)).toList();
        Set<UUID> people = others.stream().map(Load::person).collect(Collectors.toSet());
        Map<UUID, Long> perSupporter = others.stream()
            .collect(Collectors.groupingBy(Load::supporter, Collectors.counting()));
        if (people.size() < K || perSupporter.size() < K) {
            return Optional.empty();
        }
        long fewest = perSupporter.values().stream().mapToLong(Long::longValue).min().orElse(0);
        long most = perSupporter.values().stream().mapToLong(Long::longValue).max().orElse(0);
        return Optional.of(most - fewest <= 1 ? Spread.EVEN : Spread.UNEVEN);
    }
}
