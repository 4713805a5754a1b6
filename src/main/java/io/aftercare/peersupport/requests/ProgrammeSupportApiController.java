package io.aftercare.peersupport.requests;

import java.net.URI;
import java.util.ArrayList;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.aftercare.directory.Directory;
import io.aftercare.directory.PersonRef;
import io.aftercare.identity.AftercareUser;
import io.aftercare.identity.AuditLog;
import io.aftercare.shared.DomainException;
import io.aftercare.shared.Problems.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The coordinator's programme page as API: the roster (who, capacity, break; never anyone's requests), the pairing
 * exclusions and offer threshold, requests no eligible supporter is left for, and supporters whose contact is
 * overdue. Only coarse ages, as on the page.
 */
@RestController
@RequestMapping("/api/v1/programme/support")
@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
@Tag(name = "Peer support programme", description = "For coordinators and admins: the supporter roster, pairing "
    + "exclusions and the offer threshold, and requests that need a hand. Never what anyone asked for.")
class ProgrammeSupportApiController {

    private final Roster roster;
    private final SupportRequestService requests;
    private final Directory directory;
    private final AuditLog audit;

    ProgrammeSupportApiController(Roster roster, SupportRequestService requests, Directory directory, AuditLog audit) {
        this.roster = roster;
        this.requests = requests;
        this.directory = directory;
        this.audit = audit;
    }

    @Schema(name = "RosterEntry")
    record RosterEntry(UUID personId, String name, @Schema(example = "Europe/Berlin") String timeZone,
                       int weeklyCapacity, List<String> languages, @Schema(example = "09:00") String workStart,
                       @Schema(example = "17:00") String workEnd, boolean onBreak) {
    }

    @Schema(name = "ProgrammeSettings", description = "Pairing exclusions and when a check-in offers a supporter")
    record SettingsView(boolean excludeSameTeam, boolean excludeSameLine,
                        @Schema(description = "stress at or above this (1-5) ...") int offerMinStress,
                        @Schema(description = "... together with sleeping difficulties, when on, makes an offer")
                        boolean offerNeedsSleep,
                        @Schema(description = "or a day-1 rumination mean at or above this (1-5)")
                        double offerMinRumination) {

        static SettingsView of(Roster.Settings s) {
            return new SettingsView(s.excludeSameTeam(), s.excludeSameLine(), s.offerMinStress(), s.offerNeedsSleep(),
                s.offerMinRumination());
        }
    }

    @Schema(name = "ProgrammeSettingsInput", description = "Every field is required")
    record SettingsInput(Boolean excludeSameTeam, Boolean excludeSameLine, Integer offerMinStress,
                         Boolean offerNeedsSleep, Double offerMinRumination) {
    }

    @Schema(name = "WaitingRequest", description = "A request no eligible supporter is left for: its short reference, "
        + "how long it has waited in three bands, and how many supporters were tried; never whose it is")
    record WaitingView(UUID requestId, String reference, CoarseAge age, int supportersTried) {
    }

    @Schema(name = "ProgrammeSupport")
    record ProgrammeView(List<RosterEntry> roster, SettingsView settings, List<WaitingView> waiting,
                         List<SupportRequestService.Overdue> overdue) {
    }

    @Schema(name = "RosterAddition")
    record RosterAddition(@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
        description = "the e-mail of a person who has the SUPPORTER role") String email) {
    }

    @Schema(name = "RetryOutcome")
    record RetryOutcome(@Schema(description = "true when a supporter has the request now (found by this call, or before it)")
                        boolean assigned) {
    }

    @GetMapping
    @Operation(summary = "The roster, the programme settings, waiting requests and overdue contacts")
    ProgrammeView show() {
        return new ProgrammeView(rosterEntries(), SettingsView.of(roster.settings()),
            requests.waiting().stream()
                .map(w -> new WaitingView(w.requestId(), w.reference(), w.age(), w.supportersTried())).toList(),
            requests.overdue());
    }

    @PostMapping("/roster")
    @Operation(summary = "Put a supporter on the roster (their settings start at the defaults)",
        description = "400 when the e-mail is not that of a person with the SUPPORTER role.")
    ResponseEntity<RosterEntry> add(@AuthenticationPrincipal AftercareUser me, @RequestBody RosterAddition body) {
        String email = body == null || body.email() == null ? "" : body.email().strip();
        var person = directory.personByEmail(email);
        if (person.isEmpty() || !roster.isSupporter(person.get().id())) {
            throw DomainException.invalid("email", "is not a person with the SUPPORTER role");
        }
        UUID id = person.get().id();
        roster.of(id);
        audit.record(me.personId(), id, "support.roster.added", "person:" + id, null);
        RosterEntry entry = rosterEntries().stream().filter(e -> e.personId().equals(id)).findFirst()
            .orElseThrow(() -> DomainException.notFound("Supporter"));
        return ResponseEntity.created(URI.create("/api/v1/programme/support")).body(entry);
    }

    @PutMapping("/settings")
    @Operation(summary = "Replace the pairing exclusions and the offer threshold")
    SettingsView save(@AuthenticationPrincipal AftercareUser me, @RequestBody SettingsInput body) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null) {
            throw DomainException.invalid("excludeSameTeam", "is required");
        }
        required(body.excludeSameTeam(), "excludeSameTeam", errors);
        required(body.excludeSameLine(), "excludeSameLine", errors);
        required(body.offerNeedsSleep(), "offerNeedsSleep", errors);
        if (body.offerMinStress() == null || body.offerMinStress() < 1 || body.offerMinStress() > 5) {
            errors.add(new FieldError("offerMinStress", "must be a whole number from 1 to 5"));
        }
        if (body.offerMinRumination() == null || body.offerMinRumination() < 1 || body.offerMinRumination() > 5) {
            errors.add(new FieldError("offerMinRumination", "must be a number from 1 to 5"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        roster.save(new Roster.Settings(body.excludeSameTeam(), body.excludeSameLine(), body.offerMinStress(),
            body.offerNeedsSleep(), body.offerMinRumination()), me.personId());
        return SettingsView.of(roster.settings());
    }

    @PostMapping("/requests/{id}/retry")
    @Operation(summary = "Look again for a supporter for a waiting request",
        description = "404 when there is no such request. A request that has a supporter already answers assigned.")
    RetryOutcome retry(@PathVariable UUID id) {
        return new RetryOutcome(requests.retry(id));
    }

    private static void required(Object value, String field, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError(field, "is required"));
        }
    }

    private List<RosterEntry> rosterEntries() {
        List<Roster.Supporter> supporters = roster.supporters();
        Map<UUID, PersonRef> people = directory.people(supporters.stream().map(Roster.Supporter::personId).toList())
            .stream().collect(Collectors.toMap(PersonRef::id, Function.identity(), (a, b) -> a));
        return supporters.stream().filter(s -> people.containsKey(s.personId())).map(s -> {
            PersonRef p = people.get(s.personId());
            return new RosterEntry(s.personId(), p.name(), p.timeZone().getId(), s.weeklyCapacity(), s.languages(),
                s.workStart().toString(), s.workEnd().toString(), s.onBreak());
        }).toList();
    }
}
