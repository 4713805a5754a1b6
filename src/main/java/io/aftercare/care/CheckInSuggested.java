package io.aftercare.care;

import java.time.Instant;
import java.util.UUID;

/**
 * A team lead suggested a check-in to a person, and the invitation now waits on their My aftercare page. For
 * delivery to the person alone (their inbox and their channel). Carries neither who suggested it nor anything of
 * the person's care; published only when an invitation was actually made (none waiting already, not opted out).
 */
public record CheckInSuggested(UUID suggestionId, UUID personId, Instant suggestedAt) {
}
