package io.aftercare.insights.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntPredicate;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.aftercare.insights.Cell;
import io.aftercare.insights.Figure;
import io.aftercare.insights.Question;
import io.aftercare.insights.Release;
import io.aftercare.insights.RuleSet;
import io.aftercare.insights.Statistic;
import io.aftercare.insights.Window;
import io.aftercare.shared.DomainException;
import io.aftercare.support.Seeded;

/**
 * The proof of the rule set (docs/insights.md): small generated populations and an attacker who asks whatever they
 * like, against the real rule set and its release log. After each attack an oracle enumerates every answer
 * assignment consistent with everything released to the attacker and asserts that each other person could still
 * have given at least two answer bands; and changing one person's answer never changes what is shown and what is
 * not. The size of a run is {@code -Dinsights.proof.runs=N} (bench/README.md for a nightly size); the seed is
 * {@code -Daftercare.seed=N}, and a failure names it.
 */
class RuleSetPropertiesTest {

    static final int RUNS = Integer.getInteger("insights.proof.runs", 300);

    /** September to November are released at this instant; December is open and takes late answers. */
    static final Instant NOW = Instant.parse("2026-12-10T00:00:00Z");
    static final YearMonth FIRST = YearMonth.of(2026, 9);
    static final int RELEASED_MONTHS = 3;

    /** One generated person: their team at the incident and now, the incident's severity, the month and answer. */
    record Person(UUID id, int team, int teamNow, int severity, int month, int answer) {
    }

    /** A population and what is being asked about it: shares (0 or 1) or answers on the five-point scale. */
    record Population(List<Person> people, int teams, Statistic statistic, int k) {

        Population withAnswer(int index, int answer) {
            List<Person> changed = new ArrayList<>(people);
            Person p = changed.get(index);
            changed.set(index, new Person(p.id(), p.team(), p.teamNow(), p.severity(), p.month(), answer));
            return new Population(changed, teams, statistic, k);
        }

        int answer(UUID id) {
            return people.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow().answer();
        }
    }

    /** One question of the attack, as groups of indexes into the population and a window of months. */
    record Ask(List<Integer> whole, List<List<Integer>> parts, int firstMonth, int lastMonth) {
    }

    /** An attack: who asks (an outsider, or one of the people, who knows their own answer), and what, in order. */
    record Attack(UUID viewer, List<Ask> asks) {
    }

    /** One figure the attacker was shown, over these people. */
    record Seen(List<UUID> people, Figure figure) {
    }

    static Population population(RandomGenerator random) {
        int size = random.nextInt(3, 10);
        int teams = random.nextInt(2, 4);
        Statistic statistic = random.nextBoolean() ? Statistic.SHARE : Statistic.BANDS;
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            int team = random.nextInt(teams);
            int teamNow = random.nextInt(5) == 0 ? random.nextInt(teams) : team;
            // mostly a released month; now and then a late answer, counted toward the open month
            int month = random.nextInt(8) == 0 ? RELEASED_MONTHS : random.nextInt(RELEASED_MONTHS);
            people.add(new Person(UUID.randomUUID(), team, teamNow, random.nextInt(2), month,
                answer(random, statistic)));
        }
        // mostly the smallest k Aftercare runs with, so that groups of 3 to 9 people can be split and set apart
        int k = random.nextInt(4) == 0 ? random.nextInt(4, 6) : 3;
        return new Population(people, teams, statistic, k);
    }

    static int answer(RandomGenerator random, Statistic statistic) {
        return statistic == Statistic.SHARE ? random.nextInt(2) : random.nextInt(1, 6);
    }

    /**
     * Attacker query sequences: small cells, complement pairs, adjacent and overlapping windows, tracker padding
     * (a group with one known person added or left out), repeats, a team as it was and as it is after moves, and
     * asking again after a refusal with a slightly different group.
     */
    static Attack attack(RandomGenerator random, Population population) {
        int size = population.people().size();
        UUID viewer = random.nextInt(3) == 0 ? UUID.randomUUID() : population.people().get(random.nextInt(size)).id();
        List<Ask> asks = new ArrayList<>();
        List<Set<Integer>> groups = new ArrayList<>();
        int steps = random.nextInt(4, 13);
        for (int step = 0; step < steps; step++) {
            if (!asks.isEmpty() && random.nextInt(6) == 0) {
                asks.add(asks.get(random.nextInt(asks.size())));
                continue;
            }
            Set<Integer> group = group(random, population, groups);
            groups.add(group);
            int first = random.nextInt(RELEASED_MONTHS + (random.nextInt(10) == 0 ? 1 : 0));
            int last = Math.min(RELEASED_MONTHS, first + (random.nextInt(3) == 0 ? random.nextInt(1, 3) : 0));
            List<Integer> whole = group.stream().filter(i -> {
                int month = population.people().get(i).month();
                return month >= first && month <= last;
            }).sorted().toList();
            List<List<Integer>> parts = switch (random.nextInt(3)) {
                case 0 -> List.of();
                case 1 -> split(whole, i -> population.people().get(i).severity() == 0);
                default -> byTeam(whole, population);
            };
            asks.add(new Ask(whole, parts, first, last));
        }
        return new Attack(viewer, asks);
    }

    static Set<Integer> group(RandomGenerator random, Population population, List<Set<Integer>> earlier) {
        List<Person> people = population.people();
        int size = people.size();
        Set<Integer> all = new LinkedHashSet<>();
        for (int i = 0; i < size; i++) {
            all.add(i);
        }
        int team = random.nextInt(population.teams());
        Set<Integer> group = new LinkedHashSet<>();
        switch (random.nextInt(8)) {
            case 0 -> group.addAll(all);
            case 1 -> all.stream().filter(i -> people.get(i).team() == team).forEach(group::add);
            case 2 -> all.stream().filter(i -> people.get(i).teamNow() == team).forEach(group::add);
            case 3 -> {
                group.addAll(all);
                group.remove(random.nextInt(size));
            }
            case 4 -> {
                all.stream().filter(i -> people.get(i).team() == team).forEach(group::add);
                group.add(random.nextInt(size));
            }
            case 5 -> all.stream().filter(i -> random.nextBoolean()).forEach(group::add);
            case 6 -> {
                Set<Integer> before = earlier.isEmpty() ? Set.of() : earlier.get(random.nextInt(earlier.size()));
                all.stream().filter(i -> !before.contains(i)).forEach(group::add);
            }
            default -> {
                if (!earlier.isEmpty()) {
                    group.addAll(earlier.get(earlier.size() - 1));
                }
                int one = random.nextInt(size);
                if (!group.remove(one)) {
                    group.add(one);
                }
            }
        }
        return group;
    }

    static List<List<Integer>> split(List<Integer> whole, IntPredicate first) {
        List<Integer> a = whole.stream().filter(first::test).toList();
        List<Integer> b = whole.stream().filter(i -> !first.test(i)).toList();
        return List.of(a, b);
    }

    static List<List<Integer>> byTeam(List<Integer> whole, Population population) {
        Map<Integer, List<Integer>> teams = whole.stream()
            .collect(Collectors.groupingBy(i -> population.people().get(i).team(), LinkedHashMap::new,
                Collectors.toList()));
        return List.copyOf(teams.values());
    }

    /** Runs the attack against a fresh rule set and log; what was shown, and the shown/hidden pattern. */
    record Outcome(List<Seen> seen, List<Boolean> pattern) {
    }

    static Outcome run(Population population, Attack attack) {
        RuleSet rules = new StandardRuleSet(InsightsProperties.of(population.k()), new MemoryReleaseLog(),
            Clock.fixed(NOW, ZoneOffset.UTC));
        List<Seen> seen = new ArrayList<>();
        List<Boolean> pattern = new ArrayList<>();
        for (Ask ask : attack.asks()) {
            Question question = new Question("care.answer", population.statistic(),
                new Window.Months(FIRST.plusMonths(ask.firstMonth()), FIRST.plusMonths(ask.lastMonth())),
                cell(population, ask.whole()), ask.parts().stream().map(p -> cell(population, p)).toList());
            Release release;
            try {
                release = rules.release(attack.viewer(), question);
            } catch (DomainException.NotFound e) {
                assertThat(ask.lastMonth()).as("only a month not released yet is refused so")
                    .isEqualTo(RELEASED_MONTHS);
                pattern.add(null);
                continue;
            }
            assertThat(ask.lastMonth()).as("an open month is never shown").isLessThan(RELEASED_MONTHS);
            record(seen, pattern, question.whole(), release.whole());
            for (int i = 0; i < release.parts().size(); i++) {
                record(seen, pattern, question.parts().get(i), release.parts().get(i));
            }
        }
        return new Outcome(seen, pattern);
    }

    static void record(List<Seen> seen, List<Boolean> pattern, Cell cell, Figure figure) {
        boolean shown = !(figure instanceof Figure.Hidden);
        pattern.add(shown);
        if (shown) {
            seen.add(new Seen(List.copyOf(cell.people()), figure));
        }
    }

    static Cell cell(Population population, List<Integer> indexes) {
        Set<UUID> people = new LinkedHashSet<>();
        List<Integer> values = new ArrayList<>();
        for (int i : indexes) {
            people.add(population.people().get(i).id());
            values.add(population.people().get(i).answer());
        }
        return new Cell("cell", people, values);
    }

    /**
     * The oracle: enumerates every assignment of answer bands (shares: 0 or 1; the scale: 1–2, 3, 4–5) to the people
     * in what was seen, the viewer's own answer known, keeps those that give exactly the figures seen, and returns
     * someone left with a single possible band, if anyone is.
     */
    static Optional<UUID> pinned(List<Seen> seen, Statistic statistic, UUID viewer, int viewerAnswer) {
        List<UUID> unknown = seen.stream().flatMap(s -> s.people().stream()).filter(p -> !p.equals(viewer)).distinct()
            .toList();
        int bands = statistic == Statistic.SHARE ? 2 : 3;
        int[] representative = statistic == Statistic.SHARE ? new int[] {0, 1} : new int[] {1, 3, 5};
        Map<UUID, Integer> index = new HashMap<>();
        for (int i = 0; i < unknown.size(); i++) {
            index.put(unknown.get(i), i);
        }
        int[][] members = seen.stream().map(s -> s.people().stream()
            .mapToInt(p -> p.equals(viewer) ? -1 : index.get(p)).toArray()).toArray(int[][]::new);
        int[] possible = new int[unknown.size()];
        int[] assignment = new int[unknown.size()];
        long total = 1;
        for (int i = 0; i < unknown.size(); i++) {
            total *= bands;
        }
        for (long a = 0; a < total; a++) {
            long rest = a;
            for (int i = 0; i < assignment.length; i++) {
                assignment[i] = (int) (rest % bands);
                rest /= bands;
            }
            if (consistent(seen, members, assignment, representative, statistic, viewerAnswer)) {
                for (int i = 0; i < assignment.length; i++) {
                    possible[i] |= 1 << assignment[i];
                }
            }
        }
        for (int i = 0; i < unknown.size(); i++) {
            if (Integer.bitCount(possible[i]) < 2) {
                return Optional.of(unknown.get(i));
            }
        }
        return Optional.empty();
    }

    private static boolean consistent(List<Seen> seen, int[][] members, int[] assignment, int[] representative,
                                      Statistic statistic, int viewerAnswer) {
        for (int s = 0; s < members.length; s++) {
            List<Integer> values = new ArrayList<>(members[s].length);
            for (int m : members[s]) {
                values.add(m < 0 ? viewerAnswer : representative[assignment[m]]);
            }
            if (!Coarse.figure(statistic, values).equals(seen.get(s).figure())) {
                return false;
            }
        }
        return true;
    }

    @Test
    void nobodyCanBeNarrowedToOneAnswerBandByAnyAttack() {
        Seeded.tries(RUNS, random -> {
            Population population = population(random);
            Attack attack = attack(random, population);
            Outcome outcome = run(population, attack);
            int viewerAnswer = population.people().stream().filter(p -> p.id().equals(attack.viewer()))
                .mapToInt(Person::answer).findFirst().orElse(0);
            Optional<UUID> pinned = pinned(outcome.seen(), population.statistic(), attack.viewer(), viewerAnswer);
            if (pinned.isPresent()) {
                fail("Person " + population.people().stream().map(Person::id).toList().indexOf(pinned.get())
                    + " is narrowed to one answer by " + outcome.seen() + " from " + population + " and " + attack);
            }
        });
    }

    @Test
    void changingOnePersonsAnswerNeverChangesWhatIsShownAndWhatIsNot() {
        Seeded.tries(RUNS, random -> {
            Population population = population(random);
            Attack attack = attack(random, population);
            int who = random.nextInt(population.people().size());
            int answer = population.people().get(who).answer();
            int other = answer;
            while (other == answer) {
                other = answer(random, population.statistic());
            }
            Outcome before = run(population, attack);
            Outcome after = run(population.withAnswer(who, other), attack);
            assertThat(after.pattern()).as("person %d answering %d instead of %d, in %s", who, other, answer, attack)
                .isEqualTo(before.pattern());
        });
    }

    @Test
    void theOracleFindsWhatKAloneLetsThrough() {
        // the rules as a minimum group size alone: a tracker with one person added gives their answer away
        List<UUID> team = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            team.add(UUID.randomUUID());
        }
        UUID added = UUID.randomUUID();
        List<UUID> padded = new ArrayList<>(team);
        padded.add(added);
        List<Seen> seen = List.of(new Seen(team, Coarse.share(3, 6)), new Seen(padded, Coarse.share(4, 7)));
        assertThat(pinned(seen, Statistic.SHARE, UUID.randomUUID(), 0)).contains(added);
        // and a whole with its parts: 3 of 12 less 3 of 6 says the other six all answered no
        List<UUID> others = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            others.add(UUID.randomUUID());
        }
        List<UUID> whole = new ArrayList<>(team);
        whole.addAll(others);
        List<Seen> withParts = List.of(new Seen(whole, Coarse.share(3, 12)), new Seen(team, Coarse.share(3, 6)),
            new Seen(others, Coarse.share(0, 6)));
        assertThat(pinned(withParts, Statistic.SHARE, UUID.randomUUID(), 0)).isPresent();
        assertThat(pinned(withParts.subList(1, 3), Statistic.SHARE, UUID.randomUUID(), 0)).isEmpty();
    }

    @Test
    void aViewerWhoKnowsTheirOwnAnswerLearnsNoOneElsesFromTheirTeamsFigure() {
        UUID viewer = UUID.randomUUID();
        Set<UUID> team = new HashSet<>(List.of(viewer));
        for (int i = 0; i < 5; i++) {
            team.add(UUID.randomUUID());
        }
        List<Seen> seen = List.of(new Seen(List.copyOf(team), Coarse.share(3, 6)));
        assertThat(pinned(seen, Statistic.SHARE, viewer, 1)).isEmpty();
    }
}
