package io.aftercare.peersupport.requests;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.aftercare.care.OwnSupportRequest;

/** The person's own open request, for their My aftercare page: what they see of it on /support, no more. */
@Component
class OwnRequestForCare implements OwnSupportRequest {

    private final SupportRequestService requests;

    OwnRequestForCare(SupportRequestService requests) {
        this.requests = requests;
    }

    @Override
    public Optional<OpenRequest> openRequest(UUID personId) {
        return requests.openOne(personId)
            .map(r -> new OpenRequest(r.status().name(), r.requestedAt(), r.supporterName()));
    }
}
