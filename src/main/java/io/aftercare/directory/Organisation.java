package io.aftercare.directory;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** Setting up teams and rotations, for modules that build an organisation at once (demo data). */
public interface Organisation {

    TeamRef createTeam(String name, List<UUID> leads, List<UUID> members, UUID actorId);

    /**
     * @param shiftHours a multiple of 24 hands off at {@code handoff} local time every so many days
     * @return the rotation's id
     */
    UUID createRotation(UUID teamId, String name, List<UUID> members, int shiftHours, LocalTime handoff,
                        String timeZone, LocalDate startsOn, UUID actorId);
}
