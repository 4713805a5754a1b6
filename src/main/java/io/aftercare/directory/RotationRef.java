package io.aftercare.directory;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * A team's on-call rotation as other modules see it: who takes turns, for how long, in which zone's hours.
 *
 * @param members     person ids in hand-off order
 * @param shiftLength the length of one regular shift
 * @param zone        the zone of the hand-off time
 */
public record RotationRef(UUID id, UUID teamId, String name, List<UUID> members, Duration shiftLength, ZoneId zone) {

    public RotationRef {
        members = List.copyOf(members);
    }
}
