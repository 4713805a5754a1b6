package io.aftercare.insights.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

import io.aftercare.directory.OnCallShift;
import io.aftercare.directory.rotation.OnCallCalculator;
import io.aftercare.directory.rotation.Rotation;
import io.aftercare.support.Seeded;

/**
 * On-call load against figures worked out by hand for a few fixed months (a daylight-saving start and end, a person
 * on the far side of the world), and against a brute-force count for seeded, generated rotations.
 */
class OnCallLoadTest {

    static final UUID ME = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID OTHER = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static Instant at(ZoneId zone, String local) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    static Rotation daily(ZoneId zone, LocalDate startsOn, List<UUID> members, List<Rotation.Override> overrides) {
        return new Rotation(UUID.randomUUID(), UUID.randomUUID(), "Primary", members, 24, LocalTime.of(9, 0), zone,
            startsOn, overrides);
    }

    @Test
    void berlinInMarchWhenTheClocksGoForward() {
        YearMonth march = YearMonth.of(2026, 3);
        // daily 09:00 hand-offs from Sunday 1 March, me first: my shifts are the 1st, 3rd, … 31st; the clocks go
        // forward on the 29th at 02:00, inside the other person's 23-hour shift of the 28th
        Rotation rotation = daily(BERLIN, LocalDate.of(2026, 3, 1), List.of(ME, OTHER), List.of());
        List<OnCallShift> shifts = OnCallCalculator.shifts(rotation, ME, at(BERLIN, "2026-03-01T00:00"),
            at(BERLIN, "2026-04-01T00:00"));
        List<Instant> incidents = List.of(
            at(BERLIN, "2026-02-28T23:00"), // February: not counted
            at(BERLIN, "2026-03-02T10:00"), // Monday, business hours, the other person's shift
            at(BERLIN, "2026-03-02T23:30"), // sleep hours, not on call
            at(BERLIN, "2026-03-03T19:00"), // Tuesday, off hours, my shift
            at(BERLIN, "2026-03-07T12:00"), // Saturday midday: off hours, my shift
            at(BERLIN, "2026-03-29T03:30"), // an hour after the clocks went forward: sleep, the other's shift
            at(BERLIN, "2026-03-29T07:59"), // Sunday, still sleep hours
            at(BERLIN, "2026-03-31T21:59"), // Tuesday, off hours, my shift
            at(BERLIN, "2026-04-01T00:30")); // April: not counted

        PersonLoad load = PersonLoad.of(march, BERLIN, shifts, incidents);

        assertThat(load.business()).isEqualTo(1);
        assertThat(load.off()).isEqualTo(3);
        assertThat(load.sleep()).isEqualTo(3);
        assertThat(load.interruptions()).isEqualTo(7);
        assertThat(load.level()).isEqualTo(PersonLoad.Level.HIGH);
        // 31 days less the hour the clocks skipped
        assertThat(load.monthMinutes()).isEqualTo(31 * 24 * 60 - 60);
        // 15 whole shifts of 24 hours (1st to 29th) and the 31st from 09:00 to midnight
        assertThat(load.onCallMinutes()).isEqualTo((15 * 24 + 15) * 60);
        assertThat(load.sharePercent()).isEqualTo(50.5);
        assertThat(load.shareTooHigh()).isTrue();
        assertThat(load.incidentsOnCall()).isEqualTo(3);
        // 3 incidents in 375 hours: 0.096 per 12 hours
        assertThat(load.perShift()).isEqualTo(0.1);
        assertThat(load.tooManyPerShift()).isFalse();
        // days with interruptions: 2, 3 | 7 | 29 | 31
        assertThat(load.longestRun()).isEqualTo(2);
        assertThat(load.shortestRest()).isEqualTo(1);
    }

    @Test
    void aPersonInAucklandCountsByTheirOwnClockNotUtc() {
        ZoneId auckland = ZoneId.of("Pacific/Auckland"); // UTC+13 all November
        YearMonth november = YearMonth.of(2026, 11);
        List<OnCallShift> shifts = List.of(
            shift(Instant.parse("2026-11-02T20:00:00Z"), Instant.parse("2026-11-03T08:00:00Z")),
            // a second rotation overlapping the first: those hours count once
            shift(Instant.parse("2026-11-03T00:00:00Z"), Instant.parse("2026-11-03T12:00:00Z")));
        List<Instant> incidents = List.of(
            Instant.parse("2026-10-31T10:59:00Z"), // 23:59 on 31 October there: not November
            Instant.parse("2026-10-31T11:00:00Z"), // midnight starting Sunday 1 November: sleep
            Instant.parse("2026-11-02T20:00:00Z"), // Tuesday 09:00 there (Monday evening in UTC): business, on call
            Instant.parse("2026-11-03T05:30:00Z"), // Tuesday 18:30 there: off hours, on call
            Instant.parse("2026-11-30T10:30:00Z"), // Monday 30th 23:30 there: sleep
            Instant.parse("2026-11-30T11:00:00Z")); // 1 December there: not November

        PersonLoad load = PersonLoad.of(november, auckland, shifts, incidents);

        assertThat(List.of(load.business(), load.off(), load.sleep())).containsExactly(1, 1, 2);
        assertThat(load.level()).isEqualTo(PersonLoad.Level.ABOVE_HEALTHY);
        assertThat(load.monthMinutes()).isEqualTo(30 * 24 * 60);
        assertThat(load.onCallMinutes()).isEqualTo(16 * 60);
        assertThat(load.sharePercent()).isEqualTo(2.2);
        assertThat(load.incidentsOnCall()).isEqualTo(2);
        // 2 incidents in 16 hours on call: 1.5 per 12 hours
        assertThat(load.perShift()).isEqualTo(1.5);
        // days 1 | 3 | 30 there
        assertThat(load.longestRun()).isEqualTo(1);
        assertThat(load.shortestRest()).isEqualTo(1);
    }

    @Test
    void newYorkInNovemberWhenTheClocksGoBackAndTheEdgesOfEachKindOfHours() {
        ZoneId newYork = ZoneId.of("America/New_York");
        YearMonth november = YearMonth.of(2026, 11);
        List<Instant> incidents = List.of(
            Instant.parse("2026-11-01T05:30:00Z"), // 01:30 the first time (EDT), Sunday: sleep
            Instant.parse("2026-11-01T06:30:00Z"), // 01:30 the second time (EST): sleep
            at(newYork, "2026-11-02T07:59"), // Monday, just before 08:00: sleep
            at(newYork, "2026-11-02T08:00"), // 08:00: business
            at(newYork, "2026-11-02T17:59"), // business
            at(newYork, "2026-11-02T18:00"), // 18:00: off
            at(newYork, "2026-11-02T21:59"), // off
            at(newYork, "2026-11-02T22:00"), // 22:00: sleep
            at(newYork, "2026-11-07T10:00"), // Saturday: off
            at(newYork, "2026-11-08T17:00")); // Sunday: off

        PersonLoad load = PersonLoad.of(november, newYork, List.of(), incidents);

        assertThat(List.of(load.business(), load.off(), load.sleep())).containsExactly(2, 4, 4);
        assertThat(load.level()).isEqualTo(PersonLoad.Level.HIGH);
        // 30 days and the hour the clocks gave back
        assertThat(load.monthMinutes()).isEqualTo(30 * 24 * 60 + 60);
        assertThat(load.onCallMinutes()).isZero();
        assertThat(load.perShift()).isNull();
        assertThat(load.incidentsOnCall()).isZero();
        // days 1, 2 | 7, 8
        assertThat(load.longestRun()).isEqualTo(2);
        assertThat(load.shortestRest()).isEqualTo(4);
    }

    @Test
    void theLinesFallWherePagerDutyAndTheSreBookDrawThem() {
        assertThat(levelFor(2)).isEqualTo(PersonLoad.Level.HEALTHY);
        assertThat(levelFor(3)).isEqualTo(PersonLoad.Level.ABOVE_HEALTHY);
        assertThat(levelFor(6)).isEqualTo(PersonLoad.Level.ABOVE_HEALTHY);
        assertThat(levelFor(7)).isEqualTo(PersonLoad.Level.HIGH);
        assertThat(levelFor(18)).isEqualTo(PersonLoad.Level.HIGH);
        assertThat(levelFor(19)).isEqualTo(PersonLoad.Level.BURNOUT);
        // 25% exactly is not above the line; 3 incidents in 12 hours is
        assertThat(new PersonLoad(YearMonth.of(2026, 4), BERLIN, 0, 0, 0, 25, 100, 0, 0, null).shareTooHigh())
            .isFalse();
        assertThat(new PersonLoad(YearMonth.of(2026, 4), BERLIN, 0, 0, 0, 26, 100, 0, 0, null).shareTooHigh())
            .isTrue();
        assertThat(new PersonLoad(YearMonth.of(2026, 4), BERLIN, 0, 0, 0, 720, 43200, 2, 0, null).tooManyPerShift())
            .isFalse();
        assertThat(new PersonLoad(YearMonth.of(2026, 4), BERLIN, 0, 0, 0, 720, 43200, 3, 0, null).tooManyPerShift())
            .isTrue();
    }

    @Test
    void fairnessIsTheMostLoadedPersonAgainstTheMedian() {
        assertThat(Fairness.of(List.of(9, 0, 2, 1))).isEqualTo(new Fairness(9, 1.5, 6.0));
        assertThat(Fairness.of(List.of(9, 0, 2, 1)).uneven()).isTrue();
        assertThat(Fairness.of(List.of(2, 3, 2))).isEqualTo(new Fairness(3, 2.0, 1.5));
        assertThat(Fairness.of(List.of(2, 3, 2)).uneven()).isFalse();
        assertThat(Fairness.of(List.of(0, 3, 0))).isEqualTo(new Fairness(3, 0.0, null));
        assertThat(Fairness.of(List.of(0, 3, 0)).uneven()).isTrue();
        assertThat(Fairness.of(List.of(0, 0)).uneven()).isFalse();
    }

    @Test
    void fairnessReadsAsTheBusiestPersonAgainstTheMedianAndTheLineThatDecides() {
        org.springframework.context.support.ResourceBundleMessageSource messages =
            new org.springframework.context.support.ResourceBundleMessageSource();
        messages.setBasename("messages/oncall");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        OnCallWords words = new OnCallWords(messages);
        // October's two-person Primary: Robin 3, Sam 1
        assertThat(words.fairness(Fairness.of(List.of(3, 1)), Locale.ENGLISH)).isEqualTo("The busiest person had 3 "
            + "interruptions; the median, the middle of the rotation, was 2. Aftercare calls the load uneven when the "
            + "busiest person has more than twice the median (here more than 4); this rotation is within that.");
        assertThat(words.fairness(Fairness.of(List.of(9, 0, 2, 1)), Locale.ENGLISH)).isEqualTo("The busiest person "
            + "had 9 interruptions; the median, the middle of the rotation, was 1.5. That is more than twice the "
            + "median, which Aftercare calls uneven: it may be worth looking at how turns are shared.");
        assertThat(words.fairness(Fairness.of(List.of(0, 1, 0)), Locale.ENGLISH)).isEqualTo("The busiest person had "
            + "1 interruption, while at least half the rotation had none. Aftercare calls that uneven: it may be worth "
            + "looking at how turns are shared.");
        assertThat(words.fairness(Fairness.of(List.of(0, 0)), Locale.ENGLISH))
            .isEqualTo("Nobody in this rotation was interrupted.");
        // one person alone has nobody to be compared with
        Fairness alone = Fairness.of(List.of(5));
        assertThat(words.rotation(new TeamLoad.RotationLoad(UUID.randomUUID(), "Secondary", 1, false, alone),
            Locale.ENGLISH)).containsExactly("Secondary: one person takes turns.");
    }

    @Test
    void aSmallRotationOnOneSiteIsWarnedAboutAndOneAcrossSitesIsNot() {
        Fairness even = Fairness.of(List.of(1, 1));
        assertThat(new TeamLoad.RotationLoad(UUID.randomUUID(), "Primary", 7, true, even).tooSmall()).isTrue();
        assertThat(new TeamLoad.RotationLoad(UUID.randomUUID(), "Primary", 8, true, even).tooSmall()).isFalse();
        assertThat(new TeamLoad.RotationLoad(UUID.randomUUID(), "Follow the sun", 4, false, even).tooSmall())
            .isFalse();
    }

    /** Generated rotations and incidents, against a count made by stepping through the month a quarter hour at a time. */
    @Test
    void generatedRotationsMatchABruteForceCount() {
        List<ZoneId> zones = List.of(ZoneId.of("UTC"), BERLIN, ZoneId.of("America/New_York"),
            ZoneId.of("Pacific/Auckland"), ZoneId.of("Asia/Kolkata"), ZoneId.of("Australia/Lord_Howe"),
            ZoneId.of("America/Santiago"));
        int[] shiftHours = {4, 8, 12, 24, 48, 168};
        Seeded.tries(60, random -> {
            YearMonth month = YearMonth.of(2026, 1 + random.nextInt(12));
            ZoneId personZone = pick(random, zones);
            List<Rotation> rotations = new ArrayList<>();
            for (int r = 0; r < 1 + random.nextInt(2); r++) {
                List<UUID> members = new ArrayList<>(List.of(ME));
                for (int i = 0; i < random.nextInt(4); i++) {
                    members.add(UUID.randomUUID());
                }
                java.util.Collections.shuffle(members, new java.util.Random(random.nextLong()));
                LocalDate startsOn = month.atDay(1).minusDays(10).plusDays(random.nextInt(25));
                List<Rotation.Override> overrides = new ArrayList<>();
                for (int o = 0; o < random.nextInt(4); o++) {
                    Instant from = month.atDay(1).atStartOfDay(ZoneId.of("UTC")).toInstant()
                        .plus(Duration.ofHours(random.nextInt(24 * 31)));
                    overrides.add(new Rotation.Override(UUID.randomUUID(), random.nextBoolean() ? ME : OTHER, from,
                        from.plus(Duration.ofHours(1 + random.nextInt(72)))));
                }
                rotations.add(new Rotation(UUID.randomUUID(), UUID.randomUUID(), "R" + r, members,
                    shiftHours[random.nextInt(shiftHours.length)], LocalTime.of(random.nextInt(24), 0),
                    pick(random, zones), startsOn, overrides));
            }
            Instant from = month.atDay(1).atStartOfDay(personZone).toInstant();
            Instant to = month.plusMonths(1).atDay(1).atStartOfDay(personZone).toInstant();
            List<OnCallShift> shifts = new ArrayList<>();
            rotations.forEach(r -> shifts.addAll(OnCallCalculator.shifts(r, ME, from, to)));
            List<Instant> incidents = new ArrayList<>();
            for (int i = 0; i < random.nextInt(40); i++) {
                incidents.add(from.minus(Duration.ofDays(2)).plusSeconds(random.nextLong(35L * 24 * 3600)));
            }

            PersonLoad load = PersonLoad.of(month, personZone, shifts, incidents);

            // the brute force: every quarter hour of the month, and each incident, looked at on its own
            long quarters = 0;
            for (Instant t = from; t.isBefore(to); t = t.plus(Duration.ofMinutes(15))) {
                if (onCall(rotations, t)) {
                    quarters++;
                }
            }
            int business = 0;
            int off = 0;
            int sleep = 0;
            int onCallIncidents = 0;
            boolean[] had = new boolean[month.lengthOfMonth() + 2];
            for (Instant at : incidents) {
                if (at.isBefore(from) || !at.isBefore(to)) {
                    continue;
                }
                ZonedDateTime local = at.atZone(personZone);
                LocalTime time = local.toLocalTime();
                boolean weekend = local.getDayOfWeek() == DayOfWeek.SATURDAY
                    || local.getDayOfWeek() == DayOfWeek.SUNDAY;
                if (time.isBefore(LocalTime.of(8, 0)) || !time.isBefore(LocalTime.of(22, 0))) {
                    sleep++;
                } else if (!weekend && time.isBefore(LocalTime.of(18, 0))) {
                    business++;
                } else {
                    off++;
                }
                if (onCall(rotations, at)) {
                    onCallIncidents++;
                }
                had[local.getDayOfMonth()] = true;
            }
            int longest = 0;
            Integer rest = null;
            int run = 0;
            int quiet = 0;
            boolean seen = false;
            for (int day = 1; day <= month.lengthOfMonth(); day++) {
                if (had[day]) {
                    if (seen && run == 0) {
                        rest = rest == null ? quiet : Math.min(rest, quiet);
                    }
                    run++;
                    quiet = 0;
                    seen = true;
                } else {
                    run = 0;
                    quiet++;
                }
                longest = Math.max(longest, run);
            }
            String at = month + " in " + personZone + ", rotations " + rotations;
            assertThat(load.onCallMinutes()).as("minutes on call, " + at).isEqualTo(quarters * 15);
            assertThat(List.of(load.business(), load.off(), load.sleep())).as("hours, " + at)
                .containsExactly(business, off, sleep);
            assertThat(load.incidentsOnCall()).as("on call, " + at).isEqualTo(onCallIncidents);
            assertThat(load.longestRun()).as("longest run, " + at).isEqualTo(longest);
            assertThat(load.shortestRest()).as("shortest rest, " + at).isEqualTo(rest);
            assertThat(load.monthMinutes()).isEqualTo(Duration.between(from, to).toMinutes());
        });
    }

    static boolean onCall(List<Rotation> rotations, Instant at) {
        return rotations.stream().anyMatch(r -> OnCallCalculator.onCallAt(r, at).filter(ME::equals).isPresent());
    }

    static <T> T pick(RandomGenerator random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    static PersonLoad.Level levelFor(int interruptions) {
        return new PersonLoad(YearMonth.of(2026, 4), BERLIN, interruptions, 0, 0, 0, 43200, 0, 0, null).level();
    }

    static OnCallShift shift(Instant from, Instant to) {
        return new OnCallShift(UUID.randomUUID(), UUID.randomUUID(), "Primary", from, to, false);
    }
}
