package io.aftercare.recovery.plans;

import java.time.Instant;
import java.util.UUID;

/**
 * A plan for one of the person's on-call shifts.
 *
 * @param colleagueId   who they shadow or pair with, or null
 * @param colleagueName that colleague's name as the directory has it now, or null
 */
public record Plan(UUID id, UUID teamId, Instant shiftStartsAt, Instant shiftEndsAt, PlanKind kind, UUID colleagueId,
                   String colleagueName, Instant createdAt, Instant updatedAt) {
}
