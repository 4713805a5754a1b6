package io.aftercare.recovery;

import java.time.Instant;
import java.util.UUID;

/**
 * Whether a person used a recovery tool (wrote in their journal, or made a plan for their next shift) in a stretch of
 * time, yes or no: for the insights module's "Does it help?" alone, which shows it only through its rule set (an
 * architecture test keeps every other module away from it). Nothing of what they wrote or planned leaves recovery.
 */
public interface ToolUseForInsight {

    /** Whether the person wrote a journal entry or made a plan from {@code from} (inclusive) to {@code to}. */
    boolean usedATool(UUID personId, Instant from, Instant to);
}
