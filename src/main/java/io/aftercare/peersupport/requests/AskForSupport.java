package io.aftercare.peersupport.requests;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.aftercare.care.SupportOfferHook.OwnAnswers;
import io.aftercare.crypto.PersonalEncryption;
import io.aftercare.directory.Directory;
import io.aftercare.peersupport.SupportRequested;
import io.aftercare.peersupport.SupportWaiting;
import io.aftercare.peersupport.requests.AssignSupporter.Assigned;
import io.aftercare.shared.DomainException;

/**
 * A person asks for a peer supporter: in their check-in, at any time, or by saying yes to an offer. One request at
 * a time; the request goes to a supporter at once, or waits for coordinators when nobody eligible is free.
 */
@Component
class AskForSupport {

    static final int NOTE_MAX = 1000;

    private final SupportRequestStore store;
    private final AssignSupporter assigner;
    private final Directory directory;
    private final Roster roster;
    private final PersonalEncryption encryption;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AskForSupport(SupportRequestStore store, AssignSupporter assigner, Directory directory, Roster roster,
                  PersonalEncryption encryption, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.assigner = assigner;
        this.directory = directory;
        this.roster = roster;
        this.encryption = encryption;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The coordinator's threshold, and no request open already (asking twice would only return the same one).
     * Reads the answers, stores nothing.
     */
    boolean shouldOffer(UUID personId, OwnAnswers answers) {
        return crossesThreshold(answers) && store.openOf(personId).isEmpty();
    }

    boolean crossesThreshold(OwnAnswers answers) {
        Roster.Settings s = roster.settings();
        boolean stressed = answers.stress() != null && answers.stress() >= s.offerMinStress()
            && (!s.offerNeedsSleep() || answers.effects().contains("SLEEPING_DIFFICULTIES"));
        boolean ruminating = answers.day1RuminationMean() != null
            && answers.day1RuminationMean() >= s.offerMinRumination();
        return stressed || ruminating;
    }

    /**
     * While the person has a request open, asking again returns that one.
     *
     * @param note          what they would like their supporter to know (optional; encrypted with their key)
     * @param shareIncident whether the supporter may see which incident it is about
     */
    UUID ask(UUID personId, UUID caseId, RequestOrigin origin, String note, boolean shareIncident) {
        return ask(personId, caseId, origin, note, shareIncident, null);
    }

    /**
     * A check-in answer's wish for a peer supporter: once per answer. The answer is recorded on the request it made
     * (or on the request already open), unique, so a second delivery of the answer, even one racing the first,
     * leaves one request.
     */
    UUID askFromCheckIn(UUID personId, UUID caseId, UUID checkInId) {
        Optional<UUID> asked = store.byAnswer(checkInId);
        if (asked.isPresent()) {
            return asked.get();
        }
        return ask(personId, caseId, RequestOrigin.CHECK_IN, null, true, checkInId);
    }

    private UUID ask(UUID personId, UUID caseId, RequestOrigin origin, String note, boolean shareIncident,
                     UUID answerId) {
        if (note != null && note.length() > NOTE_MAX) {
            throw DomainException.invalid("note", "must be at most " + NOTE_MAX + " characters");
        }
        directory.person(personId).orElseThrow(() -> DomainException.notFound("Person"));
        Optional<UUID> open = store.openOf(personId);
        if (open.isPresent()) {
            if (answerId != null) {
                store.rememberAnswer(open.get(), answerId);
            }
            return open.get();
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        byte[] cipher = note == null || note.isBlank() ? null
            : encryption.encryptText(personId, note.strip(), "support.note:" + id);
        store.insert(id, personId, caseId, origin, cipher, shareIncident, answerId, now);
        Optional<Assigned> assigned = assigner.assign(id, personId, Set.of());
        events.publishEvent(new SupportRequested(id, personId, origin.name(),
            assigned.map(Assigned::supporterId).orElse(null), assigned.map(Assigned::acknowledgeBy).orElse(null),
            now));
        if (assigned.isEmpty()) {
            events.publishEvent(new SupportWaiting(id, personId, now));
        }
        return id;
    }
}
