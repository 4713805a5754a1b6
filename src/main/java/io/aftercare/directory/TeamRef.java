package io.aftercare.directory;

import java.util.List;
import java.util.UUID;

/** A team as other modules see it. */
public record TeamRef(UUID id, String name, List<UUID> leads, List<UUID> members) {
}
