package io.aftercare.peersupport.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

import io.aftercare.support.Seeded;

/** Assignment is fair and never breaks an exclusion, over any sequence of requests. */
class AssignmentPropertiesTest {

    static final List<UUID> TEAMS = List.of(new UUID(0x7ea, 1), new UUID(0x7ea, 2), new UUID(0x7ea, 3));
    static final List<UUID> MANAGERS = List.of(new UUID(0xb055, 1), new UUID(0xb055, 2), new UUID(0xb055, 3));

    record Member(UUID id, UUID team, UUID manager, boolean onBreak, boolean overlaps) {

        static Member random(RandomGenerator random) {
            return new Member(new UUID(random.nextLong(), random.nextLong()), TEAMS.get(random.nextInt(TEAMS.size())),
                MANAGERS.get(random.nextInt(MANAGERS.size())), random.nextInt(10) < 3, random.nextBoolean());
        }
    }

    static List<Member> members(RandomGenerator random, int min, int max) {
        List<Member> members = new ArrayList<>();
        int size = random.nextInt(min, max + 1);
        for (int i = 0; i < size; i++) {
            members.add(Member.random(random));
        }
        return members;
    }

    /** A sequence of requests, each assigned with the loads the ones before it left: state, so a seeded loop. */
    @Test
    void loadsOfSupportersEligibleForEveryRequestDifferByAtMostOneAndExclusionsHold() {
        Seeded.tries(300, random -> {
            List<Member> supporters = members(random, 1, 8);
            List<Member> seekers = members(random, 1, 40);
            boolean sameTeam = random.nextBoolean();
            boolean sameLine = random.nextBoolean();
            Assignment.Exclusions exclusions = new Assignment.Exclusions(sameTeam, sameLine);
            Map<UUID, Integer> load = new HashMap<>();
            Set<UUID> eligibleForAll = new HashSet<>(supporters.stream().map(Member::id).toList());
            for (Member s : seekers) {
                Assignment.Seeker seeker = new Assignment.Seeker(s.id(), Set.of(s.team()), List.of(s.manager()),
                    Set.of());
                List<Assignment.Candidate> candidates = supporters.stream().map(m -> new Assignment.Candidate(m.id(),
                    Set.of(m.team()), List.of(m.manager()), m.onBreak(), load.getOrDefault(m.id(), 0), 0, 1000,
                    m.overlaps())).toList();
                candidates.stream().filter(c -> !Assignment.eligible(c, seeker, exclusions))
                    .forEach(c -> eligibleForAll.remove(c.id()));
                var pick = Assignment.pick(candidates, seeker, exclusions);
                pick.ifPresent(c -> {
                    assertThat(c.onBreak()).isFalse();
                    if (sameTeam) {
                        assertThat(c.teams()).doesNotContainAnyElementsOf(seeker.teams());
                    }
                    if (sameLine) {
                        assertThat(c.line()).doesNotContainAnyElementsOf(seeker.line());
                    }
                    load.merge(c.id(), 1, Integer::sum);
                });
                assertThat(pick.isEmpty()).isEqualTo(candidates.stream().noneMatch(c -> Assignment.eligible(c, seeker,
                    exclusions)));
                List<Integer> loads = eligibleForAll.stream().map(id -> load.getOrDefault(id, 0)).toList();
                if (!loads.isEmpty()) {
                    assertThat(loads.stream().mapToInt(i -> i).max().getAsInt()
                        - loads.stream().mapToInt(i -> i).min().getAsInt()).as("loads %s", loads)
                        .isLessThanOrEqualTo(1);
                }
            }
        });
    }

    @Test
    void capacityTriedAndSelfAreNeverPicked() {
        UUID me = new UUID(0, 1);
        UUID other = new UUID(0, 2);
        Seeded.qt(200).forAll(integers().between(0, 3), integers().between(0, 5), booleans().all())
            .checkAssert((capacity, weekAssigned, tried) -> {
                var seeker = new Assignment.Seeker(me, Set.of(), List.of(), tried ? Set.of(other) : Set.of());
                var candidates = List.of(
                    new Assignment.Candidate(me, Set.of(), List.of(), false, 0, 0, 10, true),
                    new Assignment.Candidate(other, Set.of(), List.of(), false, 0, weekAssigned, capacity, true));
                var pick = Assignment.pick(candidates, seeker, new Assignment.Exclusions(true, true));
                assertThat(pick.isPresent()).isEqualTo(!tried && weekAssigned < capacity);
                pick.ifPresent(c -> assertThat(c.id()).isEqualTo(other));
            });
    }

    @Test
    void amongEqualLoadsOverlappingWorkingHoursWin() {
        UUID me = UUID.randomUUID();
        var away = new Assignment.Candidate(new UUID(0, 1), Set.of(), List.of(), false, 1, 0, 9, false);
        var here = new Assignment.Candidate(new UUID(0, 2), Set.of(), List.of(), false, 1, 0, 9, true);
        var idle = new Assignment.Candidate(new UUID(0, 3), Set.of(), List.of(), false, 0, 0, 9, false);
        var seeker = new Assignment.Seeker(me, Set.of(), List.of(), Set.of());
        var x = new Assignment.Exclusions(true, true);
        assertThat(Assignment.pick(List.of(away, here), seeker, x)).contains(here);
        assertThat(Assignment.pick(List.of(away, here, idle), seeker, x)).contains(idle);
    }

    @Test
    void oneWorkingHourCountsOnlyWorkingTimeInTheSupportersZone() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Set<DayOfWeek> weekend = Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        // Friday 16:30 Berlin: half an hour today, the other half on Monday morning
        Instant friday = java.time.ZonedDateTime.of(2026, 3, 6, 16, 30, 0, 0, berlin).toInstant();
        Instant due = WorkingHours.after(friday, Duration.ofHours(1), berlin, LocalTime.of(9, 0), LocalTime.of(17, 0),
            weekend);
        assertThat(due).isEqualTo(java.time.ZonedDateTime.of(2026, 3, 9, 9, 30, 0, 0, berlin).toInstant());
        // Tuesday 10:00: just an hour later
        Instant tuesday = java.time.ZonedDateTime.of(2026, 3, 10, 10, 0, 0, 0, berlin).toInstant();
        assertThat(WorkingHours.after(tuesday, Duration.ofHours(1), berlin, LocalTime.of(9, 0), LocalTime.of(17, 0),
            weekend)).isEqualTo(tuesday.plus(Duration.ofHours(1)));
    }

    @Test
    void aDeadlineIsNeverEarlierThanPlainTime() {
        Seeded.qt(200).forAll(integers().between(0, 10_000_000), integers().between(1, 600))
            .checkAssert((offsetMinutes, minutes) -> {
                Instant from = Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofMinutes(offsetMinutes));
                Instant due = WorkingHours.after(from, Duration.ofMinutes(minutes), ZoneId.of("America/New_York"),
                    LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
                assertThat(due).isAfterOrEqualTo(from.plus(Duration.ofMinutes(minutes)));
            });
    }
}
