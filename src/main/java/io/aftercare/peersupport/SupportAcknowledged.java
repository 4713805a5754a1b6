package io.aftercare.peersupport;

import java.time.Instant;
import java.util.UUID;

/** The assigned supporter acknowledged a request and will make contact. */
public record SupportAcknowledged(UUID requestId, UUID supporterId, Instant at) {
}
