package io.aftercare.incidents;

import java.time.Instant;
import java.util.UUID;

/** A person in an incident, with their name and e-mail as the directory has them now. */
public record ResponderView(UUID personId, String name, String email, ResponderRole role, Instant joinedAt) {
}
