package io.aftercare.recovery;

import java.util.UUID;

/**
 * A shared plan is no longer shared: the person unshared or deleted it, or their data was erased. Notify takes the
 * leads' notice back (its inbox entry goes, an outward message not yet sent is not sent).
 */
public record PlanUnshared(UUID planId) {
}
