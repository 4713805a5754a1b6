package io.aftercare.peersupport;

import java.time.Instant;
import java.util.UUID;

/**
 * No eligible supporter is free for a person's request (when they asked, or after the last one could not take it in
 * time). For telling the person honestly, in their inbox and by their channel; coordinators hear of waiting requests
 * once a day ({@link SupportWaitingNotice}), never of this one by itself.
 */
public record SupportWaiting(UUID requestId, UUID personId, Instant at) {
}
