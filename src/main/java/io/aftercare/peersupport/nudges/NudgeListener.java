package io.aftercare.peersupport.nudges;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.aftercare.care.CareCaseClosed;
import io.aftercare.care.CareCaseOpened;
import io.aftercare.care.CheckInAnswered;

/**
 * Tier 1 follows the person's own wish: nudges only once their check-in answer names teammates or their lead.
 * A nudge once delivered stays with its recipient whatever the person does next.
 */
@Component
class NudgeListener {

    private final NudgeService nudges;

    NudgeListener(NudgeService nudges) {
        this.nudges = nudges;
    }

    @ApplicationModuleListener
    void on(CareCaseOpened opened) {
        nudges.caseOpened(opened);
    }

    @ApplicationModuleListener
    void on(CheckInAnswered answered) {
        nudges.outreachWish(answered);
    }

    @ApplicationModuleListener
    void on(CareCaseClosed closed) {
        nudges.dropUndelivered(closed.caseId());
    }
}
