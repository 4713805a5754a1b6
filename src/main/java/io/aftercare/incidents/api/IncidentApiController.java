package io.aftercare.incidents.api;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.aftercare.identity.AftercareUser;
import io.aftercare.identity.Role;
import io.aftercare.incidents.IncidentStatus;
import io.aftercare.incidents.IncidentView;
import io.aftercare.incidents.NewIncident;
import io.aftercare.incidents.NewResponder;
import io.aftercare.incidents.ResponderRole;
import io.aftercare.incidents.Severity;
import io.aftercare.incidents.internal.IncidentQuery;
import io.aftercare.incidents.internal.IncidentService;
import io.aftercare.incidents.internal.TimelineEntry;
import io.aftercare.shared.Page;
import io.aftercare.shared.PageRequest;
import io.aftercare.shared.DomainException;
import io.aftercare.shared.Problems.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/incidents")
@PreAuthorize("isAuthenticated()")
@Tag(name = "Incidents", description = """
    Incidents, the people who responded and what happened. Operational data: anyone signed in may read and record \
    them. Incidents recorded here are manual: alerting tools send theirs through their integration, and an \
    incident from one is changed here by admins only. Severities are SEV1 (worst) to SEV5; on input P1–P5, 1–5 and words such as "critical" or "minor" are \
    accepted and normalised.""")
class IncidentApiController {

    private final IncidentService incidents;

    IncidentApiController(IncidentService incidents) {
        this.incidents = incidents;
    }

    record ResponderBody(UUID personId, String email, String role, Instant joinedAt) {
    }

    record CreateIncident(String title, String severity, String service, UUID teamId, String url, Instant startedAt,
                          List<ResponderBody> responders, String source, String externalId) {
    }

    record ResolveBody(Instant resolvedAt) {
    }

    @PostMapping
    @Operation(summary = "Record an incident", description = """
        Responders are named by personId or email, with a role COMMANDER, RESPONDER (the default) or OBSERVER \
        and, if known, joinedAt (left out: the incident's startedAt). The incident is "manual" (201): a source other than "manual", or any externalId, is a 400 (alerting tools \
        send theirs through their integration). startedAt is not in the future and, unless an admin records it, at \
        most 30 days ago (400; older incidents come in through the history import). You may name yourself; naming \
        other people is for the incident's commander (name yourself COMMANDER in the same request), a lead of its \
        team or of their team, or an admin (403 otherwise). Nothing is stored if any field is invalid (400 listing \
        them all, e.g. a responder e-mail nobody in the directory has).""")
    ResponseEntity<IncidentView> create(@AuthenticationPrincipal AftercareUser me, @RequestBody CreateIncident body) {
        List<FieldError> errors = new ArrayList<>();
        Severity severity = null;
        if (body.severity() != null && !body.severity().isBlank()) {
            severity = Severity.parse(body.severity()).orElse(null);
            if (severity == null) {
                errors.add(new FieldError("severity", "must be one of SEV1, SEV2, SEV3, SEV4, SEV5"));
            }
        }
        List<NewResponder> responders = new ArrayList<>();
        List<ResponderBody> given = body.responders() == null ? List.of() : body.responders();
        for (int i = 0; i < given.size(); i++) {
            ResponderBody r = given.get(i);
            if (r == null) {
                errors.add(new FieldError("responders[" + i + "]", "must name a person"));
                continue;
            }
            responders.add(new NewResponder(r.personId(), r.email(), role(r.role(), "responders[" + i + "].role",
                errors), r.joinedAt()));
        }
        var recorded = incidents.recordByPerson(new NewIncident(body.source(), body.externalId(), body.title(),
            severity, body.service(), body.teamId(), body.url(), body.startedAt(), responders), actor(me), errors);
        IncidentView view = recorded.incident();
        return recorded.created()
            ? ResponseEntity.created(URI.create("/api/v1/incidents/" + view.id())).body(view)
            : ResponseEntity.ok(view);
    }

    @GetMapping
    @Operation(summary = "List incidents, newest first", description = """
        Filters: team (a team id), status (TRIGGERED, ACKNOWLEDGED, RESOLVED), from and to (on when it started; \
        an instant such as 2026-03-01T00:00:00Z, or a date such as 2026-03-01 meaning that whole UTC day). \
        Pages from 0; size 1 to 500, 50 by default.""")
    Page<IncidentView> list(@RequestParam(required = false) Integer page,
                            @RequestParam(required = false) Integer size,
                            @RequestParam(required = false) UUID team,
                            @RequestParam(required = false) String status,
                            @RequestParam(required = false) String from,
                            @RequestParam(required = false) String to) {
        List<FieldError> errors = new ArrayList<>();
        IncidentStatus state = null;
        if (status != null && !status.isBlank()) {
            try {
                state = IncidentStatus.valueOf(status.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("status", "must be TRIGGERED, ACKNOWLEDGED or RESOLVED"));
            }
        }
        Instant start = instant(from, false, "from", errors);
        Instant end = instant(to, true, "to", errors);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        return incidents.list(new IncidentQuery(team, state, start, end), PageRequest.of(page, size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One incident with its responders")
    IncidentView get(@PathVariable UUID id) {
        return incidents.get(id);
    }

    @GetMapping("/{id}/timeline")
    @Operation(summary = "What happened to the incident, oldest first",
        description = "kind is CREATED, UPDATED, ACKNOWLEDGED, RESPONDER_ADDED, ROLE_CHANGED or RESOLVED.")
    List<TimelineEntry> timeline(@PathVariable UUID id) {
        return incidents.timeline(id);
    }

    @PostMapping("/{id}/responders")
    @Operation(summary = "Add a person to the incident", description = """
        Body {personId | email, role, joinedAt}; joinedAt left out means now. Adding someone who is already in the incident is not an error: their role \
        becomes the one given (200 either way). An e-mail nobody in the directory has is a 400 naming the field. \
        Anyone may add themself as RESPONDER or OBSERVER; naming a COMMANDER or adding someone else is for the \
        incident's commander, a lead of a team involved (the incident's, a responder's, the added person's) or an \
        admin, and on an incident from an integration for an admin only (403 otherwise).""")
    IncidentView addResponder(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id,
                              @RequestBody ResponderBody body) {
        List<FieldError> errors = new ArrayList<>();
        ResponderRole role = role(body.role(), "role", errors);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        return incidents.addResponderByPerson(id, new NewResponder(body.personId(), body.email(), role,
            body.joinedAt()), actor(me));
    }

    @PostMapping("/{id}/acknowledge")
    @Operation(summary = "Mark the incident acknowledged now", description = """
        Idempotent: an incident already acknowledged or resolved is returned as it is. An incident from an \
        integration is moved along by it, or by an admin (403).""")
    IncidentView acknowledge(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id) {
        return incidents.acknowledgeByPerson(id, actor(me));
    }

    @PostMapping("/{id}/resolve")
    @Operation(summary = "Resolve the incident", description = """
        Optional body {resolvedAt} (default now; not before it started or was acknowledged, not in the future, and \
        unless an admin resolves it at most 30 days ago: 400). Idempotent: resolving a resolved incident returns it \
        unchanged (200) and announces nothing again. An incident from an integration is resolved by it, or by an \
        admin (403).""")
    IncidentView resolve(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id,
                         @RequestBody(required = false) ResolveBody body) {
        return incidents.resolveByPerson(id, body == null ? null : body.resolvedAt(), actor(me));
    }

    private static IncidentService.Actor actor(AftercareUser me) {
        return new IncidentService.Actor(me.personId(), me.has(Role.ADMIN));
    }

    private static ResponderRole role(String value, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return ResponderRole.parse(value).orElseGet(() -> {
            errors.add(new FieldError(field, "must be COMMANDER, RESPONDER or OBSERVER"));
            return null;
        });
    }

    /** An instant, or a date meaning the start of that UTC day (for {@code to}: the end of it). */
    private static Instant instant(String value, boolean endOfDay, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date (2026-03-01) or an instant (2026-03-01T09:30:00Z)"));
            return null;
        }
    }
}
