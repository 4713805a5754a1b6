package io.aftercare.care.cases;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import io.aftercare.care.ResolvedIncident;
import io.aftercare.directory.NewPerson;
import io.aftercare.directory.People;
import io.aftercare.identity.Role;
import io.aftercare.support.PlainNames;

/** People and incidents for care tests, and a way to let a future step fall due now. */
final class CareFixtures {

    static final String PASSWORD = "care-password-123";

    private CareFixtures() {
    }

    record Person(UUID id, String email) {
    }

    /** A person without quiet hours or weekend days, so that a check-in with no delay is due at once. */
    static Person person(People people, String name, Role... roles) {
        String email = PlainNames.email(name, "care.test");
        Set<Role> all = new java.util.HashSet<>(Arrays.asList(roles));
        all.add(Role.RESPONDER);
        var created = people.create(new NewPerson(name, email, "Europe/Berlin", LocalTime.NOON, LocalTime.NOON,
            Set.of(), Map.of(), null, all, List.of(), PASSWORD), null);
        return new Person(created.id(), email);
    }

    /**
     * 14:00 in Berlin, the time zone of {@link #person}: today's, or yesterday's while today's is less than an hour
     * old. An incident that starts then and lasts under an hour is by day and over, whatever the hour of the run
     * (the sleep-hours rule matches a page between 22:00 and 08:00 of the person's own time).
     */
    static Instant lastAfternoonInBerlin() {
        ZonedDateTime now = ZonedDateTime.now(ZoneId.of("Europe/Berlin"));
        ZonedDateTime afternoon = now.truncatedTo(ChronoUnit.DAYS).withHour(14);
        return (afternoon.plusHours(1).isAfter(now) ? afternoon.minusDays(1) : afternoon).toInstant();
    }

    /** A SEV2 incident that resolved a minute ago, with everyone given as a responder. */
    static ResolvedIncident sev2(String title, Instant resolvedAt, UUID... people) {
        return new ResolvedIncident(UUID.randomUUID(), title, "SEV2", resolvedAt.minus(Duration.ofMinutes(40)),
            resolvedAt.minus(Duration.ofMinutes(35)), resolvedAt,
            Arrays.stream(people).map(p -> new ResolvedIncident.Responder(p, "RESPONDER", null)).toList());
    }

    static ResolvedIncident sev2(String title, UUID... people) {
        return sev2(title, Instant.now().minus(Duration.ofMinutes(1)), people);
    }

    /** Time travel for one step: its db-scheduler job runs now instead of in a day or a month. */
    static UUID makeDue(JdbcClient jdbc, SchedulerClient scheduler, UUID personId, String kind, int day) {
        UUID step = jdbc.sql("SELECT id FROM care_step WHERE person_id = ? AND kind = ? AND step_day = ?")
            .params(personId, kind, day).query(UUID.class).single();
        scheduler.reschedule(CareScheduling.STEP_DUE.instanceId(step.toString()), Instant.now());
        return step;
    }

    static String stepStatus(JdbcClient jdbc, UUID stepId) {
        return jdbc.sql("SELECT status FROM care_step WHERE id = ?").param(stepId).query(String.class).single();
    }

    static UUID team(JdbcClient jdbc, String name, UUID lead, UUID... members) {
        UUID team = UUID.randomUUID();
        String unique = PlainNames.team(jdbc, name);
        jdbc.sql("INSERT INTO team (id, name, name_normalized, created_at) VALUES (?, ?, ?, CURRENT_TIMESTAMP)")
            .params(team, unique, unique.toLowerCase()).update();
        jdbc.sql("INSERT INTO team_member (team_id, person_id, is_lead, joined_at) VALUES (?, ?, TRUE, CURRENT_TIMESTAMP)")
            .params(team, lead).update();
        for (UUID m : members) {
            jdbc.sql("INSERT INTO team_member (team_id, person_id, is_lead, joined_at) VALUES (?, ?, FALSE, CURRENT_TIMESTAMP)")
                .params(team, m).update();
        }
        return team;
    }
}
