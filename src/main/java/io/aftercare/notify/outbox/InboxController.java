package io.aftercare.notify.outbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import io.aftercare.identity.AftercareUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The in-app inbox: every message Aftercare sent the caller, theirs only. */
@Controller
@Tag(name = "Inbox")
class InboxController {

    /** One inbox entry: what it is about and where to answer, never an answer. */
    record InboxEntry(UUID id, String kind, int day, boolean reminder, String title, String body, String link,
                      Instant createdAt) {
    }

    private final Outbox outbox;
    private final MessageText text;

    InboxController(Outbox outbox, MessageText text) {
        this.outbox = outbox;
        this.text = text;
    }

    private List<InboxEntry> entries(UUID personId) {
        return outbox.inbox(personId, 200).stream().map(r -> {
            MessageText.Text words = text.of(r.kind(), r.day(), r.reminder());
            return new InboxEntry(r.id(), r.kind(), r.day(), r.reminder(), words.title(), words.body(),
                r.stepId() == null ? MessageText.path(r.kind(), r.key()) : "/check-ins/" + r.stepId(), r.createdAt());
        }).toList();
    }

    @GetMapping("/inbox")
    String page(@AuthenticationPrincipal AftercareUser me, Model model) {
        model.addAttribute("entries", entries(me.personId()));
        return "notify/inbox";
    }

    @GetMapping(path = "/api/v1/me/inbox", produces = "application/json")
    @ResponseBody
    @Operation(summary = "Your own inbox, newest first (at most 200 entries)")
    List<InboxEntry> api(@AuthenticationPrincipal AftercareUser me) {
        return entries(me.personId());
    }
}
