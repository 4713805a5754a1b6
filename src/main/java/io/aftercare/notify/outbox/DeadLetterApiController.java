package io.aftercare.notify.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.aftercare.directory.Directory;
import io.aftercare.directory.PersonRef;
import io.aftercare.identity.AftercareUser;
import io.aftercare.identity.AuditLog;
import io.aftercare.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The dead-letters page as API: who and by which channel, never what a message said; send one again. */
@RestController
@RequestMapping("/api/v1/admin/dead-letters")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Dead letters", description = "Outward messages that failed for good. Admins only; never their text.")
class DeadLetterApiController {

    private final Outbox outbox;
    private final Directory directory;
    private final AuditLog audit;
    private final Clock clock;

    DeadLetterApiController(Outbox outbox, Directory directory, AuditLog audit, Clock clock) {
        this.outbox = outbox;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    @Schema(name = "DeadLetter", description = "A message that failed for good; person and email are empty for "
        + "a webhook or a person no longer in the directory")
    record DeadLetterView(UUID id, UUID personId, String person, String email,
                          @Schema(example = "EMAIL") String channel, int attempts, Instant lastAttemptAt,
                          @Schema(description = "the last error the channel gave") String reason) {
    }

    @GetMapping
    @Operation(summary = "Messages that failed for good, newest first (the latest 500)")
    List<DeadLetterView> list() {
        List<Outbox.Row> rows = outbox.deadLetters();
        Map<UUID, PersonRef> people = directory.people(rows.stream().map(Outbox.Row::personId)
                .filter(java.util.Objects::nonNull).distinct().toList())
            .stream().collect(Collectors.toMap(PersonRef::id, Function.identity(), (a, b) -> a));
        return rows.stream().map(r -> {
            PersonRef p = r.personId() == null ? null : people.get(r.personId());
            return new DeadLetterView(r.id(), p == null ? null : p.id(), p == null ? null : p.name(),
                p == null ? null : p.email(), r.channel(), r.attempts(), r.lastAttemptAt(), r.lastError());
        }).toList();
    }

    @PostMapping("/{id}/retry")
    @Operation(summary = "Send a dead letter again: it goes back to the outbox with its tries reset",
        description = "404 when there is no such dead letter (or it was sent again already).")
    ResponseEntity<Void> retry(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id) {
        if (!outbox.retry(id, clock.instant())) {
            throw DomainException.notFound("Dead letter");
        }
        audit.record(me.personId(), DeadLetterAuditWords.RETRY, id.toString(), null);
        return ResponseEntity.accepted().build();
    }
}
