package io.aftercare.peersupport;

import java.time.Instant;
import java.util.UUID;

/**
 * A request that had waited with nobody free now has a supporter (a coordinator tried again): the person, who was
 * told that nobody was free, is told that someone is. Not who: the name shows once the supporter acknowledges.
 */
public record SupportFound(UUID requestId, UUID personId, Instant at) {
}
