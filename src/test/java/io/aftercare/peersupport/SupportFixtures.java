package io.aftercare.peersupport;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.aftercare.care.ResolvedIncident;
import io.aftercare.directory.NewPerson;
import io.aftercare.directory.People;
import io.aftercare.identity.Role;
import io.aftercare.support.PlainNames;
import io.aftercare.support.TestApi;

/** People, teams and incidents for peer-support tests. */
public final class SupportFixtures {

    public static final String PASSWORD = "support-password-123";

    private SupportFixtures() {
    }

    public record Person(UUID id, String name, String email) {
        public TestApi api(int port) {
            return TestApi.at(port).basic(email, PASSWORD);
        }
    }

    /** Someone without quiet hours or weekend days: prompts reach them at once. */
    public static Person person(People people, String name, UUID manager, Role... roles) {
        return person(people, name, manager, LocalTime.NOON, LocalTime.NOON, roles);
    }

    public static Person person(People people, String name, UUID manager, LocalTime quietStart, LocalTime quietEnd,
                                Role... roles) {
        String email = PlainNames.email(name, "support.test");
        Set<Role> all = new HashSet<>(Arrays.asList(roles));
        all.add(Role.RESPONDER);
        var created = people.create(new NewPerson(name, email, "UTC", quietStart, quietEnd, Set.of(), Map.of(),
            manager, all, List.of(), PASSWORD), null);
        return new Person(created.id(), name, email);
    }

    public static UUID team(JdbcClient jdbc, String name, UUID lead, UUID... members) {
        UUID team = UUID.randomUUID();
        String unique = PlainNames.team(jdbc, name);
        jdbc.sql("INSERT INTO team (id, name, name_normalized, created_at) VALUES (?, ?, ?, CURRENT_TIMESTAMP)")
            .params(team, unique, unique.toLowerCase()).update();
        if (lead != null) {
            jdbc.sql("INSERT INTO team_member (team_id, person_id, is_lead, joined_at) VALUES (?, ?, TRUE, CURRENT_TIMESTAMP)")
                .params(team, lead).update();
        }
        for (UUID m : members) {
            jdbc.sql("INSERT INTO team_member (team_id, person_id, is_lead, joined_at) VALUES (?, ?, FALSE, CURRENT_TIMESTAMP)")
                .params(team, m).update();
        }
        return team;
    }

    /** A SEV2 incident that resolved a minute ago. */
    public static ResolvedIncident sev2(String title, UUID... people) {
        Instant resolvedAt = Instant.now().minus(Duration.ofMinutes(1));
        return new ResolvedIncident(UUID.randomUUID(), title, "SEV2", resolvedAt.minus(Duration.ofMinutes(40)),
            resolvedAt.minus(Duration.ofMinutes(35)), resolvedAt,
            Arrays.stream(people).map(p -> new ResolvedIncident.Responder(p, "RESPONDER", null)).toList());
    }
}
