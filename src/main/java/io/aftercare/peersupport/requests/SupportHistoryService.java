package io.aftercare.peersupport.requests;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.aftercare.peersupport.SupportHistory;
import io.aftercare.peersupport.cases.SupportCases;
import io.aftercare.peersupport.resources.ResourceCatalogue;
import io.aftercare.peersupport.resources.ResourceCatalogue.NewResource;

/** Writes the demo's past peer support in the shape live requests end in (see {@link SupportHistory}). */
@Service
class SupportHistoryService implements SupportHistory {

    private final ResourceCatalogue resources;
    private final SupportRequestStore store;
    private final Roster roster;
    private final SupportRequestService requests;
    private final RequestProperties properties;
    private final SupportCases cases;
    private final Clock clock;

    SupportHistoryService(ResourceCatalogue resources, SupportRequestStore store, Roster roster, SupportRequestService requests,
                          RequestProperties properties, SupportCases cases, Clock clock) {
        this.cases = cases;
        this.resources = resources;
        this.store = store;
        this.roster = roster;
        this.requests = requests;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void onRoster(UUID personId, List<String> languages) {
        if (!roster.isSupporter(personId)) {
            throw new IllegalArgumentException("only people with the SUPPORTER role go on the roster");
        }
        Roster.Supporter defaults = roster.of(personId);
        roster.save(new Roster.Supporter(personId, defaults.weeklyCapacity(), List.copyOf(languages),
            defaults.workStart(), defaults.workEnd(), false));
    }

    @Override
    @Transactional
    public void resource(String country, String language, String kind, String name, String description,
                         String contact, String url) {
        resources.add(new NewResource(country, language, kind, name, description, contact, url));
    }

    @Override
    @Transactional
    public void pastRequest(UUID personId, UUID supporterId, Instant requestedAt, Duration acknowledgedAfter,
                            Duration contactAfter, Duration closedAfter) {
        insertPast(personId, null, supporterId, requestedAt, acknowledgedAfter, contactAfter, closedAfter);
    }

    @Override
    @Transactional
    public void pastCase(UUID caseId, UUID personId, List<UUID> incidentIds, Instant openedAt, String outreachWish) {
        cases.opened(caseId, personId, incidentIds, openedAt);
        if (outreachWish != null) {
            cases.outreachWish(caseId, personId, outreachWish, openedAt);
        }
    }

    @Override
    @Transactional
    public void pastRequestFromCheckIn(UUID caseId, UUID personId, UUID supporterId, Instant requestedAt,
                                       Duration acknowledgedAfter, Duration contactAfter, Duration closedAfter) {
        if (cases.find(caseId).filter(c -> c.personId().equals(personId)).isEmpty()) {
            throw new IllegalArgumentException("a request from a check-in belongs to a case of the same person");
        }
        Instant contact = insertPast(personId, caseId, supporterId, requestedAt, acknowledgedAfter, contactAfter,
            closedAfter);
        // contact made is the case's first outreach, as AnswerRequest records it for a live request
        cases.reachedOut(caseId, supporterId, contact);
    }

    /** Stores a request that ran its course in the past (from a check-in when {@code caseId} is set); its contact. */
    private Instant insertPast(UUID personId, UUID caseId, UUID supporterId, Instant requestedAt,
                               Duration acknowledgedAfter, Duration contactAfter, Duration closedAfter) {
        Instant acknowledged = requestedAt.plus(acknowledgedAfter);
        Instant contact = acknowledged.plus(contactAfter);
        Instant closed = contact.plus(closedAfter);
        if (!closed.isBefore(clock.instant())) {
            throw new IllegalArgumentException("a past request ends in the past");
        }
        store.insertPast(UUID.randomUUID(), personId, caseId, supporterId, UUID.randomUUID(), requestedAt,
            requestedAt.plus(properties.acknowledgeWithin()), acknowledged, contact, closed);
        return contact;
    }

    @Override
    public UUID requestNow(UUID personId) {
        return requests.request(personId, null, RequestOrigin.SELF, null, false);
    }
}
