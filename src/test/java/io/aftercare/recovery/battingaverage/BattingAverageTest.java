package io.aftercare.recovery.battingaverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.aftercare.directory.OnCallShift;
import io.aftercare.incidents.RespondedIncident;
import io.aftercare.support.Seeded;

/** The batting average against histories worked out by hand, and against generated ones counted one by one. */
class BattingAverageTest {

    static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    static final UUID TEAM = UUID.randomUUID();

    static RespondedIncident incident(String startedAt) {
        return new RespondedIncident(UUID.randomUUID(), Instant.parse(startedAt), "checkout", TEAM);
    }

    /** Weekly shifts, the first starting at {@code first}, every {@code everyDays} days, {@code n} of them. */
    static List<OnCallShift> weekly(String first, int everyDays, int n) {
        List<OnCallShift> shifts = new ArrayList<>();
        Instant start = Instant.parse(first);
        for (int i = 0; i < n; i++) {
            Instant s = start.plus(Duration.ofDays((long) everyDays * i));
            shifts.add(new OnCallShift(TEAM, UUID.randomUUID(), "primary", s, s.plus(Duration.ofDays(7)), false));
        }
        return shifts;
    }

    @Test
    void aYearOfShiftsTwoIncidentsAndManyChanges() {
        // shifts every 4 weeks from 2026-01-05: 13 of them end by 2026-12-04 (the 13th ends 2026-12-14: not done);
        // the 1st ends 2026-01-12, after the year began (2025-12-04)
        List<OnCallShift> shifts = weekly("2026-01-05T09:00:00Z", 28, 13);
        List<RespondedIncident> incidents = List.of(incident("2024-05-01T03:00:00Z"), incident("2026-03-10T02:00:00Z"),
            incident("2026-11-30T22:00:00Z"));
        BattingAverage b = BattingAverage.of(incidents, shifts, 824, NOW);
        assertThat(b.incidentsLastYear()).isEqualTo(2);
        assertThat(b.incidentsInAll()).isEqualTo(3);
        assertThat(b.shiftsLastYear()).isEqualTo(12);
        // 10 March to 30 November: 21 + 30 + 31 + 30 + 31 + 31 + 30 + 31 + 29 days and some hours
        assertThat(b.daysBetweenLastTwo()).isEqualTo(265);
        assertThat(b.changesLastYear()).isEqualTo(824);
        assertThat(b.changesPerIncident()).isEqualTo(412);
        assertThat(b.enoughData()).isTrue();
    }

    @Test
    void tooLittleToBeKindAboutIsLeftOut() {
        // two incidents eight days apart, 60 changes: 30 per incident would do, but not the 8 days
        BattingAverage close = BattingAverage.of(List.of(incident("2026-11-20T10:00:00Z"),
            incident("2026-11-28T10:00:00Z")), List.of(), 60, NOW);
        assertThat(close.daysBetweenLastTwo()).isNull();
        assertThat(close.changesPerIncident()).isEqualTo(30);
        assertThat(close.shiftsLastYear()).isNull();
        // 49 changes are too few to say anything; 60 changes for 7 incidents are fewer than 10 per incident
        assertThat(BattingAverage.of(List.of(incident("2026-11-28T10:00:00Z")), List.of(), 49, NOW)
            .changesLastYear()).isNull();
        List<RespondedIncident> seven = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            seven.add(incident("2026-0" + i + "-15T10:00:00Z"));
        }
        BattingAverage many = BattingAverage.of(seven, List.of(), 60, NOW);
        assertThat(many.changesLastYear()).isNull();
        assertThat(many.changesPerIncident()).isNull();
        assertThat(many.incidentsLastYear()).isEqualTo(7);
    }

    @Test
    void nothingAtAllIsNotEnoughData() {
        BattingAverage b = BattingAverage.of(List.of(), List.of(), 0, NOW);
        assertThat(b.enoughData()).isFalse();
        assertThat(b.incidentsInAll()).isZero();
    }

    @Test
    void aShiftStillRunningOrAnIncidentInTheFutureIsNotCounted() {
        List<OnCallShift> running = weekly("2026-12-01T09:00:00Z", 7, 1);
        BattingAverage b = BattingAverage.of(List.of(incident("2026-12-05T10:00:00Z")), running, 0, NOW);
        assertThat(b.shiftsLastYear()).isNull();
        assertThat(b.incidentsInAll()).isZero();
    }

    /** Generated histories: every number is what counting the events one by one gives, and thresholds hold. */
    @Test
    void generatedHistoriesAreCountedOneByOne() {
        Seeded.tries(200, random -> {
            List<RespondedIncident> incidents = new ArrayList<>();
            for (int i = random.nextInt(12); i > 0; i--) {
                incidents.add(new RespondedIncident(UUID.randomUUID(),
                    NOW.minus(Duration.ofHours(random.nextLong(24L * 365 * 3))), "svc", TEAM));
            }
            List<OnCallShift> shifts = weekly("2025-11-01T09:00:00Z", 7 + random.nextInt(50), 1 + random.nextInt(60));
            List<Instant> deploys = new ArrayList<>();
            for (int i = random.nextInt(900); i > 0; i--) {
                deploys.add(NOW.minus(Duration.ofMinutes(random.nextLong(60L * 24 * 500))));
            }
            Instant yearAgo = NOW.minus(Duration.ofDays(365));
            long changes = deploys.stream().filter(t -> !t.isBefore(yearAgo)).count();
            BattingAverage b = BattingAverage.of(incidents, shifts, changes, NOW);

            long lastYear = incidents.stream().filter(i -> !i.startedAt().isBefore(yearAgo)).count();
            long done = shifts.stream().filter(s -> !s.endsAt().isAfter(NOW) && !s.endsAt().isBefore(yearAgo)).count();
            assertThat(b.incidentsLastYear()).isEqualTo((int) lastYear);
            assertThat(b.incidentsInAll()).isEqualTo(incidents.size());
            assertThat(b.shiftsLastYear()).isEqualTo(done == 0 ? null : (int) done);
            if (b.changesLastYear() != null) {
                assertThat(b.changesLastYear()).isEqualTo(changes).isGreaterThanOrEqualTo(BattingAverage.MIN_CHANGES);
                if (lastYear > 0) {
                    assertThat(b.changesPerIncident()).isEqualTo(changes / lastYear)
                        .isGreaterThanOrEqualTo(BattingAverage.MIN_CHANGES_PER_INCIDENT);
                }
            } else {
                assertThat(changes < BattingAverage.MIN_CHANGES
                    || changes / lastYear < BattingAverage.MIN_CHANGES_PER_INCIDENT).isTrue();
                assertThat(b.changesPerIncident()).isNull();
            }
            if (b.daysBetweenLastTwo() != null) {
                assertThat(b.daysBetweenLastTwo()).isGreaterThanOrEqualTo(BattingAverage.MIN_DAYS_APART);
            }
        });
    }
}
