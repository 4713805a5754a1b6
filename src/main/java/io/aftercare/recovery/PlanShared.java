package io.aftercare.recovery;

import java.time.Instant;
import java.util.UUID;

/**
 * A person chose to share their plan for a coming shift with the leads of the shift's team. Notify tells those leads
 * that a plan was shared and where to see it; the event carries no plan, no case and nothing about why.
 *
 * @param teamId   the shift's team, whose leads are told (the person themselves is not)
 * @param sharedAt when it was shared: sharing again after unsharing is a new notice
 */
public record PlanShared(UUID planId, UUID personId, UUID teamId, Instant sharedAt) {
}
