package io.aftercare.recovery.plans;

import java.time.Instant;
import java.util.UUID;

/**
 * A plan for one of the person's on-call shifts.
 *
 * @param colleagueId   who they shadow or pair with, or null
 * @param colleagueName that colleague's name as the directory has it now, or null
 * @param shared        whether the person shares this plan with the leads of the shift's team (not by default)
 * @param sharedAt      when they shared it, or null while it is not shared
 */
public record Plan(UUID id, UUID teamId, Instant shiftStartsAt, Instant shiftEndsAt, PlanKind kind, UUID colleagueId,
                   String colleagueName, boolean shared, Instant sharedAt, Instant createdAt, Instant updatedAt) {

    Plan with(PlanKind newKind, UUID newColleague, Instant newSharedAt, Instant now) {
        return new Plan(id, teamId, shiftStartsAt, shiftEndsAt, newKind, newColleague, null, newSharedAt != null,
            newSharedAt, createdAt, now);
    }

    Plan named(String name) {
        return new Plan(id, teamId, shiftStartsAt, shiftEndsAt, kind, colleagueId, name, shared, sharedAt, createdAt,
            updatedAt);
    }
}
