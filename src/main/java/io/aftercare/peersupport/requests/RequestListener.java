package io.aftercare.peersupport.requests;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.aftercare.care.CheckInAnswered;
import io.aftercare.care.Outreach;

/** A person who asked for a peer supporter in their check-in gets one: that answer is their yes. */
@Component
class RequestListener {

    private final SupportRequestService requests;

    RequestListener(SupportRequestService requests) {
        this.requests = requests;
    }

    @ApplicationModuleListener
    void on(CheckInAnswered answered) {
        if (answered.outreach() == Outreach.PEER_SUPPORTER) {
            requests.request(answered.personId(), answered.caseId(), "CHECK_IN", null, true);
        }
    }
}
