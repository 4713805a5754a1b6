package io.aftercare.notify.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.aftercare.directory.Directory;
import io.aftercare.directory.PersonRef;
import io.aftercare.identity.AftercareUser;
import io.aftercare.identity.AuditLog;
import io.aftercare.shared.DomainException;

/** Messages that failed for good: who and by which channel, never what they said; an admin can send them again. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class DeadLetterController {

    record DeadLetter(UUID id, String person, String email, String channel, int attempts, Instant lastAttemptAt,
                      String reason) {
    }

    private final Outbox outbox;
    private final Directory directory;
    private final AuditLog audit;
    private final java.time.Clock clock;

    DeadLetterController(Outbox outbox, Directory directory, AuditLog audit, java.time.Clock clock) {
        this.outbox = outbox;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/admin/dead-letters")
    String list(Model model) {
        List<Outbox.Row> rows = outbox.deadLetters();
        Map<UUID, PersonRef> people = directory.people(rows.stream().map(Outbox.Row::personId).distinct().toList())
            .stream().collect(Collectors.toMap(PersonRef::id, Function.identity()));
        model.addAttribute("letters", rows.stream().map(r -> {
            PersonRef p = people.get(r.personId());
            return new DeadLetter(r.id(), p == null ? null : p.name(), p == null ? null : p.email(), r.channel(),
                r.attempts(), r.lastAttemptAt(), r.lastError());
        }).toList());
        return "notify/dead-letters";
    }

    @PostMapping("/admin/dead-letters/{id}/retry")
    String retry(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID id, RedirectAttributes redirect) {
        if (!outbox.retry(id, clock.instant())) {
            throw DomainException.notFound("Dead letter");
        }
        audit.record(me.personId(), DeadLetterAuditWords.RETRY, id.toString(), null);
        redirect.addFlashAttribute("flash", "notify.dead.retried");
        return "redirect:/admin/dead-letters";
    }
}
