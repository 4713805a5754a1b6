package io.aftercare.peersupport.requests;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.aftercare.care.CheckInAnswered;
import io.aftercare.care.Outreach;
import io.aftercare.directory.Directory;

/**
 * A person who asked for a peer supporter in their check-in gets one: that answer is their yes. The request remembers
 * the answer it came from, so an answer's event delivered again (after an instance died, decision 0043) asks nothing
 * more, even once the first request is closed.
 */
@Component
class RequestListener {

    private final SupportRequestService requests;
    private final Directory directory;

    RequestListener(SupportRequestService requests, Directory directory) {
        this.requests = requests;
        this.directory = directory;
    }

    @ApplicationModuleListener
    void on(CheckInAnswered answered) {
        // a person erased after answering has nobody left to support: the wish went with them, and the event is done
        // (asking anyway would fail, and the registry would hand the event back on every restart)
        if (answered.outreach() == Outreach.PEER_SUPPORTER && directory.person(answered.personId()).isPresent()) {
            requests.requestFromCheckIn(answered.personId(), answered.caseId(), answered.checkInId());
        }
    }
}
