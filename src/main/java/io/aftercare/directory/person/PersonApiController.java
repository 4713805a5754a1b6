package io.aftercare.directory.person;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.aftercare.directory.person.PersonJson.Invitation;
import io.aftercare.directory.person.PersonJson.PersonInput;
import io.aftercare.directory.person.PersonJson.PersonView;
import io.aftercare.directory.person.PersonJson.RolesInput;
import io.aftercare.identity.AftercareUser;
import io.aftercare.identity.AuditLog;
import io.aftercare.identity.Role;
import io.aftercare.shared.Page;
import io.aftercare.shared.PageRequest;
import io.aftercare.shared.DomainException;
import io.aftercare.shared.Problems.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/people")
@Tag(name = "People", description = "The people in the directory: time zone, quiet hours, external identities, "
    + "manager, roles and teams. Anyone signed in can list them and read their own record; only admins read "
    + "another's record or change anything.")
class PersonApiController {

    private final PersonService people;
    private final AuditLog audit;

    PersonApiController(PersonService people, AuditLog audit) {
        this.people = people;
        this.audit = audit;
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "InvitationState")
    record InvitationState(
        @io.swagger.v3.oas.annotations.media.Schema(description = "they chose a password: send a password reset if "
            + "they lost it") boolean hasPassword,
        @io.swagger.v3.oas.annotations.media.Schema(description = "no password yet: POST .../invitation makes them "
            + "a one-time link") boolean canInvite) {
    }

    @GetMapping
    @Operation(summary = "List people by name, optionally those whose name or e-mail contains q")
    Page<PersonView> list(@RequestParam(required = false) @Parameter(description = "zero-based") Integer page,
                          @RequestParam(required = false) @Parameter(description = "1 to 500, default 50") Integer size,
                          @RequestParam(required = false) String q) {
        return people.search(q, PageRequest.of(page, size)).map(PersonView::of);
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Add a person with their account (admins)",
        description = "409 when the e-mail (any case) or an external identity is taken; 400 naming each invalid field.")
    ResponseEntity<PersonView> create(@AuthenticationPrincipal AftercareUser me, @RequestBody PersonInput body) {
        List<FieldError> errors = PersonJson.errors();
        var person = people.create(body.toNewPerson(errors), me.personId(), errors);
        return ResponseEntity.created(URI.create("/api/v1/people/" + person.id()))
            .body(PersonView.of(people.details(person.id())));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One person: yourself, or anyone for admins (whose read is in that person's access log)",
        description = "Like the person page, which only admins open: 403 for another person's id unless you are "
            + "an admin.")
    PersonView get(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id) {
        boolean self = me.personId().equals(id);
        if (!self && !me.has(Role.ADMIN)) {
            throw DomainException.notAllowed("Only admins read another person's record.");
        }
        PersonView view = PersonView.of(people.details(id));
        if (!self) {
            audit.record(me.personId(), id, "person.viewed", "person:" + id, null);
        }
        return view;
    }

    @GetMapping("/{id}/invitation")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Whether a person can sign in yet, or needs an invitation link (admins)")
    InvitationState invitationState(@PathVariable UUID id) {
        boolean hasPassword = people.details(id).hasPassword();
        return new InvitationState(hasPassword, !hasPassword);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Replace a person's details (admins)",
        description = "The same shape as when adding, without password and roles (those are ignored). Left-out "
            + "optional fields take their defaults; a left-out teams list takes the person out of every team.")
    PersonView update(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id, @RequestBody PersonInput body) {
        List<FieldError> errors = PersonJson.errors();
        PersonInput withoutAccount = new PersonInput(body.name(), body.email(), body.timeZone(), body.quietHours(),
            body.weekendDays(), body.externalIdentities(), body.managerId(), null, body.teams(), null);
        people.update(id, withoutAccount.toNewPerson(errors), me.personId(), errors);
        return PersonView.of(people.details(id));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Erase a person (admins; not yourself)",
        description = "Erasure, all or nothing (decision 0016): everything Aftercare holds about the person goes, their "
            + "key is destroyed, their sessions and API tokens end; incidents keep a responder without saying who. "
            + "404 when there is no such person; 409 for yourself (erase yourself with DELETE /api/v1/me).")
    ResponseEntity<Void> delete(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id) {
        people.delete(id, me.personId());
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{id}/roles")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Replace a person's roles (admins); RESPONDER is always kept")
    PersonView roles(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id, @RequestBody RolesInput body) {
        if (body.roles() == null) {
            throw DomainException.invalid("roles", "is required");
        }
        List<FieldError> errors = PersonJson.errors();
        var roles = PersonJson.roles(body.roles(), errors);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        people.setRoles(id, roles, me.personId());
        return PersonView.of(people.details(id));
    }

    @PostMapping("/{id}/invitation")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Create a one-time link for a person without a password to choose one (admins)",
        description = "The link is in this response only. Creating a new one makes earlier unused links stop working. "
            + "404 when there is no such person; 409 when they have a password already (send a password reset "
            + "instead).")
    Invitation invite(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id) {
        return new Invitation(people.invite(id, me.personId()));
    }

    @PostMapping("/{id}/password-reset")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "E-mail a person a one-time link to choose a new password (admins)",
        description = "The link goes only to the person's own e-mail; it is never in this response. Their password "
            + "keeps working until they use it; then their sessions end and their API tokens are revoked. Send with "
            + "Content-Type: application/json and no body. 202 when the mail was handed to the mail server; 404 "
            + "when there is no such person; 409 when they have no password yet (create an invitation instead) or "
            + "e-mail is not set up; 503 when the mail server did not take it (try again later).")
    ResponseEntity<Void> sendPasswordReset(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id) {
        people.sendPasswordReset(id, me.personId());
        return ResponseEntity.accepted().build();
    }
}
