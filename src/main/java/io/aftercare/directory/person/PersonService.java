package io.aftercare.directory.person;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.aftercare.directory.NewPerson;
import io.aftercare.directory.People;
import io.aftercare.directory.PersonRef;
import io.aftercare.directory.team.TeamRepository;
import io.aftercare.identity.AccountStateException;
import io.aftercare.identity.Accounts;
import io.aftercare.identity.AuditLog;
import io.aftercare.identity.DataRights;
import io.aftercare.identity.PasswordRejectedException;
import io.aftercare.identity.Role;
import io.aftercare.shared.Page;
import io.aftercare.shared.PageRequest;
import io.aftercare.shared.DomainException;
import io.aftercare.shared.Problems.FieldError;

/** Adds, changes and removes people with their account and teams, all or nothing. */
@Service
public class PersonService implements People {

    /** BCrypt's limit, in plain words: a character outside plain ASCII takes two to four bytes. */
    static final String TOO_LONG = "must be at most 72 bytes (72 plain letters and digits, fewer with accents or emoji)";

    private final PersonRepository people;
    private final TeamRepository teams;
    private final Accounts accounts;
    private final AuditLog audit;
    private final DataRights dataRights;

    PersonService(PersonRepository people, TeamRepository teams, Accounts accounts, AuditLog audit,
                  DataRights dataRights) {
        this.people = people;
        this.teams = teams;
        this.accounts = accounts;
        this.audit = audit;
        this.dataRights = dataRights;
    }

    /** A person with what the directory and identity know about them: roles and team ids. */
    public record PersonDetails(PersonRef person, Set<Role> roles, List<UUID> teams, boolean hasPassword) {
    }

    @Override
    @Transactional
    public PersonRef create(NewPerson p, UUID actorId) {
        return create(p, actorId, List.of());
    }

    /**
     * Adds a person; {@code earlierErrors} (from parsing the request) are reported together with the checks here.
     */
    @Transactional
    public PersonRef create(NewPerson p, UUID actorId, List<FieldError> earlierErrors) {
        List<FieldError> errors = new ArrayList<>(earlierErrors);
        ZoneId zone = check(p, null, errors);
        if (p.password() != null) {
            accounts.checkPassword(p.password()).ifPresent(key -> errors.add(new FieldError("password",
                key.equals("password.tooLong") ? TOO_LONG : "must be at least 12 characters")));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        checkConflicts(p, null);
        UUID id = UUID.randomUUID();
        people.insert(id, p.name(), p.email(), zone, quietStart(p), quietEnd(p), weekend(p), p.managerId());
        people.replaceIdentities(id, p.externalIdentities());
        teams.setTeamsOf(id, teamsOf(p));
        try {
            accounts.create(id, p.email(), p.roles() == null ? Set.of(Role.RESPONDER) : p.roles(), p.password());
        } catch (PasswordRejectedException e) {
            throw DomainException.invalid("password", "must be at least 12 characters and " + TOO_LONG);
        }
        if (actorId != null) {
            audit.record(actorId, "PERSON_CREATED", "person:" + id, null);
        }
        return people.find(id).orElseThrow(() -> new IllegalStateException("not stored"));
    }

    /**
     * Replaces what the directory holds about a person (their password and roles are not touched). Unset optional
     * values take the defaults, as when adding; an unset team list takes them out of every team.
     */
    @Transactional
    public PersonRef update(UUID id, NewPerson p, UUID actorId, List<FieldError> earlierErrors) {
        PersonRef before = find(id);
        List<FieldError> errors = new ArrayList<>(earlierErrors);
        ZoneId zone = check(p, id, errors);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        checkConflicts(p, id);
        people.update(id, p.name(), p.email(), zone, quietStart(p), quietEnd(p), weekend(p), p.managerId());
        people.replaceIdentities(id, p.externalIdentities());
        teams.setTeamsOf(id, teamsOf(p));
        if (!PersonRules.normalizeEmail(before.email()).equals(PersonRules.normalizeEmail(p.email()))) {
            accounts.changeLogin(id, p.email());
        }
        audit.record(actorId, id, "PERSON_CHANGED", "person:" + id, null);
        return find(id);
    }

    /**
     * Erases a person (decision 0016): everything Aftercare holds about them, in every module, with their key,
     * sessions and tokens; their incidents keep "a responder". An admin erases themselves from their own settings.
     */
    @Transactional
    public void delete(UUID id, UUID actorId) {
        find(id);
        if (id.equals(actorId)) {
            throw DomainException.conflict("You cannot erase yourself here. Use \"Your data\" in your settings.");
        }
        dataRights.erase(id, actorId);
    }

    /** Replaces a person's roles (RESPONDER is always kept). An admin cannot take away their own admin role. */
    @Transactional
    public Set<Role> setRoles(UUID id, Set<Role> roles, UUID actorId) {
        find(id);
        if (id.equals(actorId) && accounts.rolesOf(id).contains(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
            throw DomainException.conflict("You cannot take away your own admin role. Ask another admin to do it.");
        }
        accounts.setRoles(id, roles, actorId);
        return accounts.rolesOf(id);
    }

    /**
     * A fresh one-time link for a person without a password to choose one (earlier unused links stop working).
     * Someone who has a password gets a reset by e-mail instead: 409.
     */
    @Transactional
    public String invite(UUID id, UUID actorId) {
        find(id);
        try {
            return accounts.invite(id, actorId);
        } catch (AccountStateException e) {
            throw problem(e);
        }
    }

    /** E-mails the person (and only them) a one-time link to choose a new password. */
    @Transactional
    public void sendPasswordReset(UUID id, UUID actorId) {
        find(id);
        try {
            accounts.sendPasswordReset(id, actorId);
        } catch (AccountStateException e) {
            throw problem(e);
        }
    }

    private static DomainException problem(AccountStateException e) {
        return switch (e.reason()) {
            case HAS_PASSWORD -> DomainException.conflict("They have a password already, so an invitation link is not "
                + "possible. Send them a password reset instead: it goes only to their own e-mail.");
            case NO_PASSWORD -> DomainException.conflict("They have no password yet. Create an invitation link instead.");
            case MAIL_NOT_CONFIGURED -> DomainException.conflict("E-mail is not set up (spring.mail.host), so Aftercare "
                + "cannot send a password reset. It goes only by e-mail, to the person themselves.");
            case MAIL_NOT_SENT -> DomainException.unavailable(
                "The mail server did not take the password reset. Nothing was changed; please try again later.");
        };
    }

    public PersonRef find(UUID id) {
        return people.find(id).orElseThrow(() -> DomainException.notFound("The person " + id));
    }

    public PersonDetails details(UUID id) {
        PersonRef person = find(id);
        return new PersonDetails(person, accounts.rolesOf(id), teams.teamIdsOf(id), accounts.hasPassword(id));
    }

    /** People whose name or e-mail contains {@code q} (any case), by name. */
    public Page<PersonDetails> search(String q, PageRequest request) {
        Page<PersonRef> page = people.search(q, request);
        Map<UUID, Set<Role>> roles = accounts.rolesOf(page.items().stream().map(PersonRef::id).toList());
        return page.map(p -> new PersonDetails(p, roles.getOrDefault(p.id(), Set.of()), teams.teamIdsOf(p.id()),
            true));
    }

    /** Everyone, by name: for pick lists. */
    public List<PersonRef> everyone() {
        return people.findWhere("1 = 1");
    }

    private ZoneId check(NewPerson p, UUID except, List<FieldError> errors) {
        PersonRules.checkName(p.name(), errors);
        PersonRules.checkEmail(p.email(), errors);
        ZoneId zone = PersonRules.zone(p.timeZone(), errors).orElse(null);
        PersonRules.checkIdentities(p.externalIdentities(), errors);
        if (p.managerId() != null) {
            if (p.managerId().equals(except)) {
                errors.add(new FieldError("managerId", "cannot be the person themselves"));
            } else if (!people.exists(p.managerId())) {
                errors.add(new FieldError("managerId", "is not a person in the directory"));
            }
        }
        for (UUID team : teamsOf(p)) {
            if (team == null || !teams.exists(team)) {
                errors.add(new FieldError("teams", "contains a team that does not exist"));
                break;
            }
        }
        return zone;
    }

    private void checkConflicts(NewPerson p, UUID except) {
        if (people.emailTaken(p.email(), except)) {
            throw DomainException.conflict("Someone in the directory already has the e-mail " + p.email().trim() + ".");
        }
        Map<String, String> taken = people.identitiesTaken(p.externalIdentities(), except);
        if (!taken.isEmpty()) {
            throw DomainException.conflict("These external identities already belong to someone else: " + taken + ".");
        }
    }

    private static List<UUID> teamsOf(NewPerson p) {
        if (p.teams() == null) {
            return List.of();
        }
        // a null id stands for "no such team", so that the check reports it
        return p.teams().stream().map(t -> Objects.requireNonNullElse(t, new UUID(0, 0))).distinct().toList();
    }

    private static LocalTime quietStart(NewPerson p) {
        return p.quietStart() == null ? PersonRules.DEFAULT_QUIET_START : p.quietStart();
    }

    private static LocalTime quietEnd(NewPerson p) {
        return p.quietEnd() == null ? PersonRules.DEFAULT_QUIET_END : p.quietEnd();
    }

    private static Set<DayOfWeek> weekend(NewPerson p) {
        return p.weekendDays() == null ? PersonRules.DEFAULT_WEEKEND : p.weekendDays();
    }
}
