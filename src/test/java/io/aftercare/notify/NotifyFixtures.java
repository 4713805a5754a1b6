package io.aftercare.notify;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.aftercare.care.ResolvedIncident;
import io.aftercare.directory.NewPerson;
import io.aftercare.directory.People;
import io.aftercare.identity.Role;

/** People, incidents and outbox reads for notify tests. */
final class NotifyFixtures {

    static final String PASSWORD = "notify-password-123";

    private NotifyFixtures() {
    }

    record Person(UUID id, String email) {
    }

    /** A person in Berlin without quiet hours or weekend days, so that a check-in with no delay goes at once. */
    static Person person(People people, String name) {
        return person(people, name, "Europe/Berlin", LocalTime.NOON, LocalTime.NOON, Set.of());
    }

    static Person person(People people, String name, String zone, LocalTime quietStart, LocalTime quietEnd,
                         Set<DayOfWeek> weekend) {
        String email = name.toLowerCase().replace(' ', '.') + "-" + UUID.randomUUID() + "@notify.test";
        var created = people.create(new NewPerson(name, email, zone, quietStart, quietEnd, weekend, Map.of(), null,
            Set.of(Role.RESPONDER), List.of(), PASSWORD), null);
        return new Person(created.id(), email);
    }

    static ResolvedIncident incident(UUID... people) {
        Instant resolvedAt = Instant.now().minus(Duration.ofMinutes(1));
        return new ResolvedIncident(UUID.randomUUID(), "Checkout errors", "SEV2",
            resolvedAt.minus(Duration.ofMinutes(40)), resolvedAt.minus(Duration.ofMinutes(35)), resolvedAt,
            Arrays.stream(people).map(p -> new ResolvedIncident.Responder(p, "RESPONDER", null)).toList());
    }

    static List<Map<String, Object>> messages(JdbcClient jdbc, UUID personId) {
        return jdbc.sql("SELECT channel, status, attempts, kind, step_id, not_before, last_error FROM notify_message "
                + "WHERE person_id = ? ORDER BY channel")
            .param(personId).query().listOfRows();
    }

    static long count(JdbcClient jdbc, UUID personId, String channel, String status) {
        return jdbc.sql("SELECT COUNT(*) FROM notify_message WHERE person_id = ? AND channel = ? AND status = ?")
            .params(personId, channel, status).query(Long.class).single();
    }
}
