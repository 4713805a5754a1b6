package io.aftercare.peersupport.requests;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.aftercare.care.CheckInAnswered;
import io.aftercare.care.Outreach;
import io.aftercare.directory.Directory;

/** A person who asked for a peer supporter in their check-in gets one: that answer is their yes. */
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
            requests.request(answered.personId(), answered.caseId(), RequestOrigin.CHECK_IN, null, true);
        }
    }
}
