package io.aftercare.care;

import java.time.Instant;
import java.util.UUID;

/** A person answered their check-in. Carries only what they asked for (the outreach wish: NOBODY, TEAMMATE, LEAD, PEER_SUPPORTER or RESOURCES), never their scores or words. */
public record CheckInAnswered(UUID caseId, UUID checkInId, UUID personId, Outreach outreach, Instant answeredAt) {
}
