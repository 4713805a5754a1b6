package io.aftercare.identity.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.aftercare.identity.AuditLog;
import io.aftercare.shared.Page;
import io.aftercare.shared.PageRequest;
import io.aftercare.shared.DomainException;
import io.aftercare.shared.Problems.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Audit log", description = """
    The append-only audit log (admins only): who did what, when, to whom — never the content of an answer or a \
    note. Each entry is chained to the one before it by a SHA-256 hash; /verify walks the chain.""")
@ApiResponse(responseCode = "401", description = "Not signed in, or the token is unknown, revoked or expired")
@ApiResponse(responseCode = "403", description = "Not an admin")
class AuditApiController {

    private final AuditLog audit;
    private final AuditRows rows;

    AuditApiController(AuditLog audit, AuditRows rows) {
        this.audit = audit;
        this.rows = rows;
    }

    /** No position in the chain: gaps would count the entries only their subjects see (PERSONAL_DATA_READ). */
    record EntryJson(UUID id, Instant at, UUID actorId, String actorName, String action, String target,
                     UUID subjectPersonId, String detail) {
        static EntryJson of(AuditLog.AuditEntry e) {
            return new EntryJson(e.id(), e.at(), e.actorId(), e.actorName(), e.action(), e.target(),
                e.subjectPersonId(), e.detail());
        }
    }

    @GetMapping
    @Operation(summary = "Read the audit log, newest first", description = """
        Entries keep their stored codes: action is a code such as notify.webhook.created (GET /api/v1/audit/actions \
        names each in the words the admin page shows), target an id. Filters, each optional: action (exact code), \
        actor (a person's id, or part of their name or e-mail), from and \
        to (days, YYYY-MM-DD, UTC, both inclusive). Paged with page (from 0) and size (1–500, default 50).""")
    @ApiResponse(responseCode = "200", description = "One page of entries")
    @ApiResponse(responseCode = "400", description = "A date, page or size is not valid")
    Page<EntryJson> list(@RequestParam(required = false) String action,
                         @RequestParam(required = false) String actor,
                         @RequestParam(required = false) String from,
                         @RequestParam(required = false) String to,
                         @RequestParam(required = false) Integer page,
                         @RequestParam(required = false) Integer size) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate first = date("from", from, errors);
        LocalDate last = date("to", to, errors);
        if (first != null && last != null && last.isBefore(first)) {
            errors.add(new FieldError("to", "must not be before from"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        return audit.search(new AuditLog.Filter(action, actor, first, last), PageRequest.of(page, size))
            .map(EntryJson::of);
    }

    static LocalDate date(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a day, YYYY-MM-DD"));
            return null;
        }
    }

    record ActionJson(String action, String name) {
    }

    @GetMapping("/actions")
    @Operation(summary = "The actions that occur in the log, with their names", description = """
        Each action code with the words the admin page shows for it (its filter's "What" choices). Reads of a \
        person's data by a supporter are not among them, as they are not in the listing.""")
    @ApiResponse(responseCode = "200", description = "Every action in the log, by code")
    List<ActionJson> actions() {
        return rows.actions(audit.actions()).stream().map(a -> new ActionJson(a.code(), a.name())).toList();
    }

    record VerificationJson(boolean ok, long entriesChecked, Long brokenSeq, UUID brokenId, String problem) {
    }

    @GetMapping("/verify")
    @Operation(summary = "Walk the hash chain", description = """
        ok is true when every entry is as it was written and none is missing. Otherwise brokenSeq and brokenId \
        name the first entry that was changed, or that follows a missing one, and problem says which.""")
    @ApiResponse(responseCode = "200", description = "The outcome, whether ok or not")
    VerificationJson verify() {
        AuditLog.Verification v = audit.verify();
        return new VerificationJson(v.ok(), v.entries(), v.brokenSeq(), v.brokenId(), v.problem());
    }
}
