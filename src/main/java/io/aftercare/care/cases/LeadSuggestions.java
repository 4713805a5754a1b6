package io.aftercare.care.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.aftercare.care.CheckInSuggested;
import io.aftercare.care.cases.CareViews.OpenedCase;
import io.aftercare.care.cases.CareViews.SuggestionView;
import io.aftercare.care.cases.CareViews.TeamMember;
import io.aftercare.directory.Directory;
import io.aftercare.directory.TeamRef;
import io.aftercare.shared.DomainException;

/**
 * A lead suggesting that a team member check in, and the person's answer to it. The lead learns nothing about what
 * follows: whatever the person has or does, the lead's side looks the same.
 */
@Component
class LeadSuggestions {

    private final CareStore store;
    private final OpenCases opening;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LeadSuggestions(CareStore store, OpenCases opening, Directory directory, ApplicationEventPublisher events,
                    Clock clock) {
        this.store = store;
        this.opening = opening;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A lead's suggestion reaches the person as an invitation. Whether the person already has an invitation
     * waiting, or has opted out, changes nothing the lead can see: the caller answers the same way every time.
     */
    void suggest(UUID leadId, UUID teamId, UUID personId) {
        TeamRef team = directory.team(teamId).orElseThrow(() -> DomainException.notFound("Team"));
        if (!team.members().contains(personId) && !team.leads().contains(personId)) {
            throw DomainException.notFound("Team member");
        }
        if (personId.equals(leadId)) {
            // nobody invites themselves: their own check-in is a click away on My aftercare
            throw DomainException.invalid("personId", "is you: check in from My aftercare instead");
        }
        if (!store.hasOpenSuggestion(personId) && !store.hasOptedOut(personId)) {
            UUID id = UUID.randomUUID();
            Instant now = clock.instant();
            store.insertSuggestion(id, personId, leadId, now);
            // the person hears of it in their inbox and by their channel; the lead's answer stays the same
            events.publishEvent(new CheckInSuggested(id, personId, now));
        }
    }

    List<SuggestionView> open(UUID personId) {
        return store.openSuggestions(personId);
    }

    /** @return the opened case when the person accepted */
    Optional<OpenedCase> respond(UUID personId, UUID suggestionId, boolean accept) {
        Instant now = clock.instant();
        if (!store.respondToSuggestion(personId, suggestionId, now)) {
            throw DomainException.notFound("Invitation");
        }
        return accept ? Optional.of(opening.forSelf(personId, CaseOrigin.SUGGESTED)) : Optional.empty();
    }

    /**
     * For a team's lead: the team's members by name, and nothing of their care. Whether someone has a case, was
     * asked, answered or accepted a suggestion is theirs alone; what a lead may learn comes from group statistics.
     */
    List<TeamMember> team(UUID teamId) {
        TeamRef team = directory.team(teamId).orElseThrow(() -> DomainException.notFound("Team"));
        List<UUID> ids = team.members().stream().distinct().toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return directory.people(ids).stream()
            .map(p -> new TeamMember(p.id(), p.name()))
            .sorted(Comparator.comparing(TeamMember::name, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(m -> m.personId().toString()))
            .toList();
    }
}
