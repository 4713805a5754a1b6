package io.aftercare.directory.rotation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

/** Who is on call for a team at an instant. */
@Component
public class OnCallCalculator {

    public List<UUID> onCall(UUID teamId, Instant at) {
        throw new UnsupportedOperationException("on-call calculation is being written");
    }
}
