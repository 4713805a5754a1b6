package io.aftercare.incidents;

import java.time.Instant;
import java.util.UUID;

/**
 * A person to add to an incident, named by directory id or by e-mail (exactly one of them).
 *
 * @param role     {@code null} means {@link ResponderRole#RESPONDER}
 * @param joinedAt when they joined, if the source knows; {@code null} means the incident's start for people named
 *                 in the report that opens it, and now for anyone added later
 */
public record NewResponder(UUID personId, String email, ResponderRole role, Instant joinedAt) {

    public static NewResponder of(UUID personId, ResponderRole role) {
        return new NewResponder(personId, null, role, null);
    }

    public static NewResponder byEmail(String email, ResponderRole role) {
        return new NewResponder(null, email, role, null);
    }
}
