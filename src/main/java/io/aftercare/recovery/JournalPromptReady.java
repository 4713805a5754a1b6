package io.aftercare.recovery;

import java.time.Instant;
import java.util.UUID;

/**
 * A person who turned on journal reminders has a prompt waiting today. Carries nothing they wrote: only who, which
 * day of the seven, and when. Notify sends "Your journal prompt for today is ready" with a link, to them alone.
 *
 * @param day the journal's day, 1 to 7
 */
public record JournalPromptReady(UUID personId, int day, Instant at) {
}
