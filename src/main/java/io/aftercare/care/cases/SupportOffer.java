package io.aftercare.care.cases;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.aftercare.care.Outreach;
import io.aftercare.care.SupportOfferHook;
import io.aftercare.care.cases.CareViews.StepView;

/**
 * "Would you like someone to reach out?" after an answer that crosses the programme's threshold (decided by the
 * optional {@link SupportOfferHook}, in the person's own request, from their own stored answers). The offer is
 * worked out again whenever it is shown or answered, so nothing about it is stored; only a yes leaves a trace (the
 * support request it creates).
 */
@Component
class SupportOffer {

    /** How long after answering by signed link the thank-you page's offer can still be accepted. */
    static final Duration LINK_WINDOW = Duration.ofHours(1);

    private final ObjectProvider<SupportOfferHook> hook;
    private final StepStore steps;
    private final Clock clock;

    SupportOffer(ObjectProvider<SupportOfferHook> hook, StepStore steps, Clock clock) {
        this.hook = hook;
        this.steps = steps;
        this.clock = clock;
    }

    /**
     * Whether this answered step of the person's own should offer someone to reach out: a check-in by stress and
     * effects, a day-1 follow-up by its rumination mean. Never when they asked for a peer supporter in that very
     * answer (that request is on its way) or already have one open.
     */
    boolean offered(UUID personId, StepView step) {
        SupportOfferHook offers = hook.getIfAvailable();
        if (offers == null || !StepStatus.ANSWERED.name().equals(step.status())) {
            return false;
        }
        SupportOfferHook.OwnAnswers answers;
        if (step.checkIn() != null) {
            if (Outreach.PEER_SUPPORTER.name().equals(step.checkIn().outreach())) {
                return false;
            }
            answers = new SupportOfferHook.OwnAnswers(step.checkIn().stress(), new HashSet<>(step.checkIn().effects()),
                null);
        } else if (step.followUp() != null && step.day() == 1) {
            Double rumination = Measures.points(List.of(step)).get(0).rumination();
            if (rumination == null) {
                return false;
            }
            answers = new SupportOfferHook.OwnAnswers(null, null, rumination);
        } else {
            return false;
        }
        return offers.shouldOffer(personId, answers);
    }

    /** The person said yes: the request, if the offer still stands (asking twice does not ask twice). */
    Optional<UUID> accept(UUID personId, StepView step) {
        if (!offered(personId, step)) {
            return Optional.empty();
        }
        return Optional.of(hook.getObject().accept(personId, step.caseId()));
    }

    /**
     * The person and step of a signed link used (to answer) within the last hour: the thank-you page's yes
     * arrives after the link is spent, and the spent link is still the only proof of who is asking.
     */
    Optional<CareService.LinkTarget> spentLink(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return steps.spentLink(AnswerLinks.hash(token), clock.instant().minus(LINK_WINDOW));
    }
}
