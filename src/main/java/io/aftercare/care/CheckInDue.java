package io.aftercare.care;

import java.time.Instant;
import java.util.UUID;

/** A check-in or follow-up became due for a person (or, with reminder, is due for its one reminder). For delivery; carries no answers. */
public record CheckInDue(UUID stepId, UUID caseId, UUID personId, String kind, int day, boolean reminder, Instant dueAt) {
}
