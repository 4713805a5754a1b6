package io.aftercare.peersupport;

import java.time.Instant;
import java.util.UUID;

/**
 * A supporter acknowledged a request but has not marked contact made within the contact time (24 hours by
 * default): coordinators are told and the supporter is reminded. Carries no content of the request.
 */
public record SupportContactOverdue(UUID requestId, UUID supporterId, Instant acknowledgedAt, Instant at) {
}
