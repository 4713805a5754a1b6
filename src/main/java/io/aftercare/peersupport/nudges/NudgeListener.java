package io.aftercare.peersupport.nudges;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.aftercare.care.CareCaseClosed;
import io.aftercare.care.CareCaseOpened;
import io.aftercare.care.CheckInAnswered;
import io.aftercare.care.Outreach;

/** Tier 1 follows care cases: nudges on opening, none (or no more) when the person says "nobody" or closes. */
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
        if (answered.outreach() == Outreach.NOBODY) {
            nudges.withdraw(answered.caseId(), true);
        }
    }

    @ApplicationModuleListener
    void on(CareCaseClosed closed) {
        nudges.withdraw(closed.caseId(), false);
    }
}
