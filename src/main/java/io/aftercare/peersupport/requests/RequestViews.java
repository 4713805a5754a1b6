package io.aftercare.peersupport.requests;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.aftercare.crypto.KeyDestroyedException;
import io.aftercare.crypto.PersonalEncryption;
import io.aftercare.directory.Directory;
import io.aftercare.directory.PersonRef;
import io.aftercare.identity.AuditLog;
import io.aftercare.peersupport.PersonContact;
import io.aftercare.peersupport.cases.IncidentTitles;
import io.aftercare.peersupport.cases.SupportCases;
import io.aftercare.peersupport.requests.SupportRequestService.AssignedView;
import io.aftercare.peersupport.requests.SupportRequestService.Overdue;
import io.aftercare.peersupport.requests.SupportRequestService.OwnView;
import io.aftercare.peersupport.requests.SupportRequestService.Waiting;
import io.aftercare.peersupport.requests.SupportRequestStore.Row;
import io.aftercare.shared.DomainException;

/**
 * What each may see of requests: the supporter only those assigned to them, and of each only the person's name, the
 * incident (when shared) and what the person chose to tell them; the person their own; coordinators only waiting and
 * overdue requests, in bands and never in the order of time.
 */
@Component
class RequestViews {

    private final SupportRequestStore store;
    private final Directory directory;
    private final SupportCases cases;
    private final IncidentTitles titles;
    private final PersonalEncryption encryption;
    private final AuditLog audit;
    private final ObjectProvider<PersonContact> contacts;
    private final RequestProperties properties;
    private final Clock clock;

    RequestViews(SupportRequestStore store, Directory directory, SupportCases cases, IncidentTitles titles,
                 PersonalEncryption encryption, AuditLog audit, ObjectProvider<PersonContact> contacts,
                 RequestProperties properties, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.cases = cases;
        this.titles = titles;
        this.encryption = encryption;
        this.audit = audit;
        this.contacts = contacts;
        this.properties = properties;
        this.clock = clock;
    }

    /** A request assigned to this supporter now; anything else (someone else's, moved on) is "not found". */
    Row assigned(UUID me, UUID requestId) {
        return store.assignedTo(me, requestId).orElseThrow(() -> DomainException.notFound("Support request"));
    }

    /** The person's own request; anyone else's is "not found". */
    Row own(UUID me, UUID requestId) {
        return store.own(me, requestId).orElseThrow(() -> DomainException.notFound("Support request"));
    }

    List<AssignedView> assignedTo(UUID me) {
        return store.assignedTo(me).stream().map(r -> assignedView(r, me)).toList();
    }

    AssignedView assignedView(UUID me, UUID requestId) {
        return assignedView(assigned(me, requestId), me);
    }

    private AssignedView assignedView(Row r, UUID me) {
        // the supporter is shown the person's name and what they chose to share: a read of their data by someone
        // else, which the person sees under "Who saw what about me" (and nobody else does)
        audit.record(me, r.personId(), AuditLog.PERSONAL_DATA_READ, "support-request:" + r.id(),
            "the support request assigned to them");
        String name = directory.person(r.personId()).map(PersonRef::name).orElse("");
        String title = null;
        if (r.shareIncident() && r.caseId() != null) {
            title = cases.find(r.caseId()).stream().flatMap(c -> c.incidentIds().stream()).map(titles::title)
                .flatMap(Optional::stream).findFirst().orElse(null);
        }
        String note = null;
        // what the person told their supporter is for the time of the request: once closed, the supporter no
        // longer sees it (the person still has it in their export)
        if (r.note() != null && r.status().open()) {
            try {
                note = encryption.decryptText(r.personId(), r.note(), "support.note:" + r.id());
            } catch (KeyDestroyedException e) {
                note = null;
            }
        }
        Instant ackBy = r.assignmentId() == null ? null : store.acknowledgeBy(r.assignmentId()).orElse(null);
        Instant contactBy = r.acknowledgedAt() == null ? null : r.acknowledgedAt().plus(properties.contactWithin());
        boolean overdue = r.status() == RequestStatus.ACKNOWLEDGED
            && store.hasOpenNotice(r.id(), NoticeKind.CONTACT_OVERDUE);
        // how to reach the person, once the supporter has said they will be in touch, until the request is closed
        PersonContact.Contact contact = r.status().reachable() ? contactOf(r.personId()) : null;
        return new AssignedView(r.id(), name, title, note, r.status(), r.requestedAt(), ackBy, r.acknowledgedAt(),
            contactBy, r.contactMadeAt(), r.closedAt(), overdue, contact);
    }

    private PersonContact.Contact contactOf(UUID personId) {
        PersonContact found = contacts.getIfAvailable();
        if (found != null) {
            return found.of(personId).orElse(null);
        }
        return directory.person(personId).map(PersonRef::email).filter(e -> !e.isBlank())
            .map(e -> new PersonContact.Contact("EMAIL", e)).orElse(null);
    }

    List<OwnView> mine(UUID me) {
        return store.own(me).stream().map(this::ownView).toList();
    }

    OwnView ownView(UUID me, UUID requestId) {
        return ownView(own(me, requestId));
    }

    /** The person's newest request that is not closed, if any: only its supporter's name is looked up. */
    Optional<OwnView> openOne(UUID me) {
        return store.own(me).stream()
            .filter(r -> r.status().asSeenByPerson() != RequestStatus.OwnStatus.CLOSED).findFirst()
            .map(this::ownView);
    }

    private OwnView ownView(Row r) {
        // the supporter's name once they have said they will be in touch
        String supporter = r.acknowledgedAt() == null || r.supporterId() == null ? null
            : directory.person(r.supporterId()).map(PersonRef::name).orElse(null);
        // nobody eligible was free: said plainly, rather than "someone will be in touch soon"
        return new OwnView(r.id(), r.status().asSeenByPerson(), r.origin(), r.requestedAt(), supporter,
            r.acknowledgedAt(), r.contactMadeAt(), r.closedAt(), r.status() == RequestStatus.UNASSIGNED);
    }

    /** Oldest band first; within a band in the order of the random reference, not of time. */
    List<Waiting> waiting() {
        Instant now = clock.instant();
        return store.waiting().stream()
            .map(w -> new Waiting(w.id(), CoarseAge.between(w.requestedAt(), now), w.tried()))
            .sorted(Comparator.comparing(Waiting::age).reversed()
                .thenComparing(w -> w.requestId().toString()))
            .toList();
    }

    /** By supporter, then oldest band first; never in the order of time. */
    List<Overdue> overdue() {
        Instant now = clock.instant();
        return store.overdue().stream()
            .map(o -> new Overdue(o.id(), directory.person(o.supporterId()).map(PersonRef::name).orElse(""),
                CoarseAge.between(o.acknowledgedAt(), now)))
            .sorted(Comparator.comparing(Overdue::supporterName)
                .thenComparing(Comparator.comparing(Overdue::since).reversed())
                .thenComparing(o -> o.requestId().toString()))
            .toList();
    }
}
