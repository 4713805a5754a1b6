package io.aftercare.directory.person;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.aftercare.directory.NewPerson;
import io.aftercare.directory.People;
import io.aftercare.directory.PersonRef;
import io.aftercare.identity.Accounts;
import io.aftercare.identity.PasswordRejectedException;
import io.aftercare.identity.Role;
import io.aftercare.shared.Problems;
import io.aftercare.shared.Problems.FieldError;

/** Adds people with their account and teams, all or nothing. */
@Service
public class PersonService implements People {

    private final PersonRepository people;
    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final Clock clock;

    PersonService(PersonRepository people, Accounts accounts, JdbcClient jdbc, Clock clock) {
        this.people = people;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public PersonRef create(NewPerson p, UUID actorId) {
        List<FieldError> errors = PersonRules.errors();
        PersonRules.checkName(p.name(), errors);
        PersonRules.checkEmail(p.email(), errors);
        ZoneId zone = PersonRules.zone(p.timeZone(), errors).orElse(null);
        PersonRules.checkIdentities(p.externalIdentities(), errors);
        if (p.password() != null) {
            accounts.checkPassword(p.password()).ifPresent(key -> errors.add(new FieldError("password",
                key.equals("password.tooLong") ? "must be at most 128 characters" : "must be at least 12 characters")));
        }
        if (p.managerId() != null && !people.exists(p.managerId())) {
            errors.add(new FieldError("managerId", "is not a person in the directory"));
        }
        List<UUID> teams = p.teams() == null ? List.of() : p.teams();
        for (UUID team : teams) {
            if (team == null || jdbc.sql("SELECT COUNT(*) FROM team WHERE id = ?").param(team).query(Long.class)
                .single() == 0) {
                errors.add(new FieldError("teams", "contains a team that does not exist"));
                break;
            }
        }
        if (!errors.isEmpty()) {
            throw Problems.badRequest(errors);
        }
        if (people.emailTaken(p.email(), null)) {
            throw Problems.conflict("Someone in the directory already has the e-mail " + p.email().trim() + ".");
        }
        Map<String, String> taken = people.identitiesTaken(p.externalIdentities(), null);
        if (!taken.isEmpty()) {
            throw Problems.conflict("These external identities already belong to someone else: " + taken + ".");
        }
        UUID id = UUID.randomUUID();
        LocalTime quietStart = p.quietStart() == null ? PersonRules.DEFAULT_QUIET_START : p.quietStart();
        LocalTime quietEnd = p.quietEnd() == null ? PersonRules.DEFAULT_QUIET_END : p.quietEnd();
        Set<DayOfWeek> weekend = p.weekendDays() == null ? PersonRules.DEFAULT_WEEKEND : p.weekendDays();
        people.insert(id, p.name(), p.email(), zone, quietStart, quietEnd, weekend, p.managerId());
        people.replaceIdentities(id, p.externalIdentities());
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (UUID team : teams.stream().distinct().toList()) {
            jdbc.sql("INSERT INTO team_member (team_id, person_id, is_lead, joined_at) VALUES (?, ?, FALSE, ?)")
                .params(team, id, now).update();
        }
        try {
            accounts.create(id, p.email(), p.roles() == null ? Set.of(Role.RESPONDER) : p.roles(), p.password());
        } catch (PasswordRejectedException e) {
            throw Problems.badRequest("password", "must be 12 to 128 characters");
        }
        return people.find(id).orElseThrow(() -> Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "not stored"));
    }
}
