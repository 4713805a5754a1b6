package io.aftercare.peersupport.nudges;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.aftercare.care.CareCaseOpened;
import io.aftercare.care.CheckInAnswered;

/**
 * Tier 1: after an incident, the people the person asked for in their check-in answer (a few teammates, or their
 * lead) are asked to check in on them. Nobody is nudged before the person has said so, and only the group they
 * named. A nudge says who and which incident in the same words whatever the answer: no answers, no scores. At most
 * one nudge per nudged person per case; none when the person opted out; none inside the nudged person's quiet
 * hours. A delivered nudge is never taken back.
 *
 * <p>The facade of tier 1: each call is one use case ({@link ChooseWhomToNudge}, {@link DeliverNudge},
 * {@link ReachOut}) in one transaction, with the rules both ask in {@link NudgeRules}; SQL is {@link NudgeStore}'s,
 * the recipient's view {@link NudgeViews}'.
 */
@Service
class NudgeService {

    /** A nudge as its recipient sees it. {@code when} is a message key suffix (today, lastNight, yesterday, recent). */
    record NudgeView(UUID id, UUID caseId, String aboutName, String when, String incidentTitle, NudgeState status,
                     Instant deliveredAt, Instant reachedOutAt) {
        boolean done() {
            return status == NudgeState.DONE;
        }
    }

    private final ChooseWhomToNudge choosing;
    private final DeliverNudge delivering;
    private final ReachOut reaching;
    private final NudgeViews views;

    NudgeService(ChooseWhomToNudge choosing, DeliverNudge delivering, ReachOut reaching, NudgeViews views) {
        this.choosing = choosing;
        this.delivering = delivering;
        this.reaching = reaching;
        this.views = views;
    }

    @Transactional
    void caseOpened(CareCaseOpened opened) {
        choosing.caseOpened(opened);
    }

    @Transactional
    void outreachWish(CheckInAnswered answered) {
        choosing.outreachWish(answered);
    }

    @Transactional
    void chooseFor(UUID caseId) {
        choosing.chooseFor(caseId);
    }

    @Transactional
    void deliver(UUID nudgeId) {
        delivering.deliver(nudgeId);
    }

    @Transactional
    void dropUndelivered(UUID caseId) {
        delivering.dropUndelivered(caseId);
    }

    @Transactional
    NudgeView reachedOut(UUID me, UUID nudgeId) {
        reaching.reachedOut(me, nudgeId);
        return views.mine(me, nudgeId).orElseThrow();
    }

    /** The caller's own delivered nudges, newest first. */
    List<NudgeView> mine(UUID me) {
        return views.mine(me);
    }

    Optional<NudgeView> mine(UUID me, UUID nudgeId) {
        return views.mine(me, nudgeId);
    }
}
