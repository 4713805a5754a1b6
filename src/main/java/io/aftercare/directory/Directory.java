package io.aftercare.directory;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The directory module's API for other modules: who people are, which teams they are in, who is on call. */
public interface Directory {

    Optional<PersonRef> person(UUID id);

    /** Case-insensitive. */
    Optional<PersonRef> personByEmail(String email);

    /** @param provider {@code pagerduty}, {@code opsgenie}, {@code slack}, {@code incidentio} or any other name */
    Optional<PersonRef> personByExternalIdentity(String provider, String externalId);

    /** As {@link #personByExternalIdentity}, the id only: one indexed read. */
    Optional<UUID> personIdByExternalIdentity(String provider, String externalId);

    /** As {@link #personByEmail}, the id only. */
    Optional<UUID> personIdByEmail(String email);

    List<PersonRef> people(Collection<UUID> ids);

    /** Names and e-mails only, in one read: for showing people (those not in the directory are left out). */
    List<PersonName> names(Collection<UUID> ids);

    /**
     * Everyone's name and e-mail, by name then e-mail, at most {@code limit} of them: the people to choose from in a
     * form (a bigger organisation needs a search instead).
     */
    List<PersonName> everyone(int limit);

    Optional<TeamRef> team(UUID id);

    /** Every team's id and name (leads and members left empty), by name, at most {@code limit}: to choose from. */
    List<TeamRef> allTeams(int limit);

    /** Case-insensitive. */
    Optional<TeamRef> teamByName(String name);

    List<TeamRef> teamsOf(UUID personId);

    /** Who is on call for the team at that instant: one person per rotation (overrides win), in rotation order. */
    List<UUID> onCall(UUID teamId, Instant at);

    /**
     * The person's on-call shifts that overlap {@code from} to {@code to}, from every rotation they are a member of or
     * have an override in, by start: each with its real start and end (a shift running into or out of the period is
     * not cut). An override covering part of their shift takes that part away; if it falls in the middle, the shift
     * is two stretches.
     */
    List<OnCallShift> shifts(UUID personId, Instant from, Instant to);

    /** The team's rotations, in the order the team keeps them (empty for an unknown team). */
    List<RotationRef> rotations(UUID teamId);

    /** Each person's own time zone, in one read of nothing else (those not in the directory are left out). */
    Map<UUID, ZoneId> timeZones(Collection<UUID> ids);
}
