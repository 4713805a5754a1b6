package io.aftercare.incidents.internal;

import java.time.Instant;
import java.util.UUID;

import io.aftercare.incidents.ResponderRole;

/**
 * One thing that happened to an incident, with the names as the directory has them now.
 *
 * @param actorName  who did it, {@code null} when the source (an alerting tool) did or the person is gone
 * @param personName whom it was about (a responder), if anyone
 * @param role       the role a responder was given, if any
 */
public record TimelineEntry(Instant at, TimelineKind kind, UUID actorId, String actorName, UUID personId,
                            String personName, ResponderRole role) {
}
