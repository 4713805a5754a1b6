package io.aftercare.peersupport.requests;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.aftercare.care.SupportOfferHook;
import io.aftercare.peersupport.PersonContact;
import io.aftercare.peersupport.requests.RequestStatus.OwnStatus;

/**
 * Tier 2: a person asks for a peer supporter (in a check-in, at any time, or by saying yes to an offer) and the
 * eligible supporter with the lowest load gets the request. They acknowledge within a working-hour deadline or it
 * moves on; when nobody eligible is left, coordinators are told. A supporter sees only the requests assigned to
 * them, and of each only the person's name, the incident (when shared) and what the person chose to tell them.
 *
 * <p>The facade of tier 2: each call is one use case ({@link AskForSupport}, {@link AssignSupporter},
 * {@link MoveRequestOn}, {@link AnswerRequest}, {@link CloseOwnRequest}, {@link WaitingNotices}), run in one
 * transaction; SQL and row mapping are {@link SupportRequestStore}'s, what each may see {@link RequestViews}'.
 */
@Service
class SupportRequestService implements SupportOfferHook {

    static final int NOTE_MAX = AskForSupport.NOTE_MAX;

    /** What a supporter sees of a request assigned to them. */
    public record AssignedView(UUID id, String personName, String incidentTitle, String note, RequestStatus status,
                               Instant assignedAt, Instant acknowledgeBy, Instant acknowledgedAt, Instant contactBy,
                               Instant contactMadeAt, Instant closedAt, boolean contactOverdue,
                               PersonContact.Contact contact) {
        public boolean open() {
            return status.open();
        }
    }

    /** What the person sees of their own request. */
    public record OwnView(UUID id, OwnStatus status, RequestOrigin origin, Instant requestedAt, String supporterName,
                          Instant acknowledgedAt, Instant contactMadeAt, Instant closedAt, boolean nobodyFree) {
        public boolean open() {
            return status != OwnStatus.CLOSED;
        }
    }

    /**
     * For coordinators: a request that no eligible supporter is left for. Never whose it is, where it came from or
     * when to the minute: an opaque reference (the coordinator's "Try again" works on it), its age in three bands,
     * and how many supporters it was offered to. Not their names: the available supporters it was never offered to
     * would tell which team or reporting line the person is in (decision record 0019).
     */
    public record Waiting(UUID requestId, CoarseAge age, int supportersTried) {
        /** A short label to talk about the request by; it carries nothing but the request's random id. */
        public String reference() {
            return requestId.toString().substring(0, 8).toUpperCase(Locale.ROOT);
        }
    }

    /**
     * For coordinators: a supporter acknowledged a request and has not marked contact made in time. Only who the
     * supporter is and, in three bands, how long ago they said they would be in touch: the coordinator follows up
     * with them, not with the person.
     */
    public record Overdue(UUID requestId, String supporterName, CoarseAge since) {
    }

    private final AskForSupport asking;
    private final MoveRequestOn moving;
    private final AnswerRequest answering;
    private final CloseOwnRequest closing;
    private final WaitingNotices notices;
    private final RequestViews views;

    SupportRequestService(AskForSupport asking, MoveRequestOn moving, AnswerRequest answering,
                          CloseOwnRequest closing, WaitingNotices notices, RequestViews views) {
        this.asking = asking;
        this.moving = moving;
        this.answering = answering;
        this.closing = closing;
        this.notices = notices;
        this.views = views;
    }

    // ---------------------------------------------------------------- offers (for care to call)

    @Override
    public boolean shouldOffer(UUID personId, OwnAnswers answers) {
        return asking.shouldOffer(personId, answers);
    }

    boolean crossesThreshold(OwnAnswers answers) {
        return asking.crossesThreshold(answers);
    }

    @Override
    @Transactional
    public UUID accept(UUID personId, UUID caseId) {
        return asking.ask(personId, caseId, RequestOrigin.OFFER, null, true);
    }

    // ---------------------------------------------------------------- asking and moving on

    @Transactional
    UUID request(UUID personId, UUID caseId, RequestOrigin origin, String note, boolean shareIncident) {
        return asking.ask(personId, caseId, origin, note, shareIncident);
    }

    /** The yes of one check-in answer: asks once for that answer, however often its event is delivered. */
    @Transactional
    UUID requestFromCheckIn(UUID personId, UUID caseId, UUID checkInId) {
        return asking.askFromCheckIn(personId, caseId, checkInId);
    }

    @Transactional
    void deadlinePassed(UUID assignmentId) {
        moving.deadlinePassed(assignmentId);
    }

    @Transactional
    boolean retry(UUID requestId) {
        return moving.retry(requestId);
    }

    @Transactional
    boolean tellCoordinatorsOfWaiting() {
        return notices.tellCoordinatorsOfWaiting();
    }

    @Transactional
    void contactDeadlinePassed(UUID requestId) {
        notices.contactDeadlinePassed(requestId);
    }

    // ---------------------------------------------------------------- the supporter's part

    @Transactional
    AssignedView acknowledge(UUID me, UUID requestId) {
        answering.acknowledge(me, requestId);
        return views.assignedView(me, requestId);
    }

    @Transactional
    AssignedView contactMade(UUID me, UUID requestId) {
        answering.contactMade(me, requestId);
        return views.assignedView(me, requestId);
    }

    @Transactional
    AssignedView closeAsSupporter(UUID me, UUID requestId) {
        answering.close(me, requestId);
        return views.assignedView(me, requestId);
    }

    @Transactional
    OwnView closeAsPerson(UUID me, UUID requestId) {
        closing.close(me, requestId);
        return views.ownView(me, requestId);
    }

    // ---------------------------------------------------------------- views

    List<AssignedView> assignedTo(UUID me) {
        return views.assignedTo(me);
    }

    AssignedView view(UUID me, UUID requestId) {
        return views.assignedView(me, requestId);
    }

    List<OwnView> mine(UUID me) {
        return views.mine(me);
    }

    OwnView ownView(UUID me, UUID requestId) {
        return views.ownView(me, requestId);
    }

    /** The person's newest request that is not closed, if any (as {@link #mine}, without reading the rest). */
    Optional<OwnView> openOne(UUID me) {
        return views.openOne(me);
    }

    List<Waiting> waiting() {
        return views.waiting();
    }

    List<Overdue> overdue() {
        return views.overdue();
    }
}
