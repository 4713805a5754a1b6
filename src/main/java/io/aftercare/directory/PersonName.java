package io.aftercare.directory;

import java.util.UUID;

/** Who someone is, for showing them: their name and e-mail, nothing else. */
public record PersonName(UUID id, String name, String email) {
}
