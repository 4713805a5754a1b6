package io.aftercare.peersupport;

import java.time.Instant;
import java.util.UUID;

/**
 * A delivered nudge is gone (the person it was about had their data erased): its entry leaves the recipient's inbox,
 * and a message not yet sent about it is not sent, so the inbox and {@code /nudges} agree. Says nothing of why.
 */
public record NudgeWithdrawn(UUID nudgeId, UUID nudgedPersonId, Instant at) {
}
