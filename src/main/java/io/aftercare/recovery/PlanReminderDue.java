package io.aftercare.recovery;

import java.util.UUID;

/**
 * The day before a shift the person planned for: remind them of their plan. For delivery to the person alone; it
 * carries neither the plan nor anything about why they made one.
 */
public record PlanReminderDue(UUID planId, UUID personId) {
}
