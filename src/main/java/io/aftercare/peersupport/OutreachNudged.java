package io.aftercare.peersupport;

import java.time.Instant;
import java.util.UUID;

/**
 * A teammate or lead was nudged to reach out to a person after an incident (delivered now, outside the nudged
 * person's quiet hours). Carries nobody's answers or scores.
 *
 * @param relation {@code LEAD} or {@code TEAMMATE}
 */
public record OutreachNudged(UUID nudgeId, UUID caseId, UUID aboutPersonId, UUID nudgedPersonId, String relation,
                             Instant deliveredAt) {
}
