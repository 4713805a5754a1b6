package io.aftercare.directory.rotation;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.aftercare.directory.person.PersonRepository;
import io.aftercare.directory.person.PersonRules;
import io.aftercare.directory.team.TeamRepository;
import io.aftercare.identity.AuditLog;
import io.aftercare.shared.DomainException;
import io.aftercare.shared.Problems.FieldError;

/** Creates and changes rotations and their overrides, checking everything before writing anything. */
@Service
public class RotationService {

    /** The longest shift: one year. */
    static final long MAX_SHIFT_HOURS = 24 * 366;

    private final RotationRepository rotations;
    private final TeamRepository teams;
    private final PersonRepository people;
    private final AuditLog audit;

    RotationService(RotationRepository rotations, TeamRepository teams, PersonRepository people, AuditLog audit) {
        this.rotations = rotations;
        this.teams = teams;
        this.people = people;
        this.audit = audit;
    }

    /**
     * A rotation as typed by a person or a script.
     *
     * @param shiftLength an ISO-8601 duration of whole hours: {@code PT24H} or {@code P1D} (daily), {@code PT168H} or
     *                    {@code P7D} (weekly), {@code PT12H}
     * @param handoffTime local time, {@code HH:mm}
     * @param startsOn    the date of the first hand-off, {@code yyyy-MM-dd}
     */
    public record RotationInput(String name, List<UUID> members, String shiftLength, String handoffTime,
                                String timeZone, String startsOn) {
    }

    /** An override as typed: {@code startsAt}/{@code endsAt} are ISO-8601 instants with an offset. */
    public record OverrideInput(UUID personId, String startsAt, String endsAt) {
    }

    public List<Rotation> ofTeam(UUID teamId) {
        requireTeam(teamId);
        return rotations.ofTeam(teamId);
    }

    public Rotation get(UUID teamId, UUID rotationId) {
        requireTeam(teamId);
        return rotations.find(teamId, rotationId)
            .orElseThrow(() -> DomainException.notFound("The rotation " + rotationId + " of this team"));
    }

    @Transactional
    public Rotation create(UUID teamId, RotationInput input, UUID actorId) {
        requireTeam(teamId);
        Rotation rotation = parse(UUID.randomUUID(), teamId, input);
        rotations.insert(rotation);
        audit.record(actorId, "ROTATION_CREATED", "rotation:" + rotation.id(), rotation.name());
        return get(teamId, rotation.id());
    }

    @Transactional
    public Rotation update(UUID teamId, UUID rotationId, RotationInput input, UUID actorId) {
        get(teamId, rotationId);
        Rotation rotation = parse(rotationId, teamId, input);
        rotations.update(rotation);
        audit.record(actorId, "ROTATION_CHANGED", "rotation:" + rotationId, rotation.name());
        return get(teamId, rotationId);
    }

    @Transactional
    public void delete(UUID teamId, UUID rotationId, UUID actorId) {
        String name = get(teamId, rotationId).name();
        rotations.delete(teamId, rotationId);
        audit.record(actorId, "ROTATION_DELETED", "rotation:" + rotationId, name);
    }

    @Transactional
    public Rotation.Override addOverride(UUID teamId, UUID rotationId, OverrideInput input, UUID actorId) {
        get(teamId, rotationId);
        List<FieldError> errors = new ArrayList<>();
        if (input.personId() == null) {
            errors.add(new FieldError("personId", "is required"));
        } else if (!people.exists(input.personId())) {
            errors.add(new FieldError("personId", "is not a person in the directory"));
        }
        Instant start = instant("startsAt", input.startsAt(), errors);
        Instant end = instant("endsAt", input.endsAt(), errors);
        if (start != null && end != null && !end.isAfter(start)) {
            errors.add(new FieldError("endsAt", "must be after the start"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        Rotation.Override override = new Rotation.Override(UUID.randomUUID(), input.personId(), start, end);
        rotations.insertOverride(rotationId, override);
        audit.record(actorId, "ROTATION_OVERRIDE_ADDED", "rotation:" + rotationId, "override:" + override.id());
        return override;
    }

    @Transactional
    public void deleteOverride(UUID teamId, UUID rotationId, UUID overrideId, UUID actorId) {
        get(teamId, rotationId);
        if (!rotations.deleteOverride(rotationId, overrideId)) {
            throw DomainException.notFound("The override " + overrideId + " of this rotation");
        }
        audit.record(actorId, "ROTATION_OVERRIDE_REMOVED", "rotation:" + rotationId, "override:" + overrideId);
    }

    private void requireTeam(UUID teamId) {
        if (!teams.exists(teamId)) {
            throw DomainException.notFound("The team " + teamId);
        }
    }

    private Rotation parse(UUID id, UUID teamId, RotationInput input) {
        List<FieldError> errors = new ArrayList<>();
        if (input.name() == null || input.name().isBlank()) {
            errors.add(new FieldError("name", "is required"));
        } else if (input.name().trim().length() > 200) {
            errors.add(new FieldError("name", "must be at most 200 characters"));
        }
        List<UUID> members = input.members() == null ? List.of() : input.members();
        if (members.contains(null)) {
            errors.add(new FieldError("members", "contains an empty id"));
        } else {
            var distinct = new LinkedHashSet<>(members);
            if (people.findAll(distinct).size() != distinct.size()) {
                errors.add(new FieldError("members", "contains someone who is not in the directory"));
            }
        }
        int hours = shiftHours(input.shiftLength(), errors);
        LocalTime handoff = null;
        if (input.handoffTime() == null || input.handoffTime().isBlank()) {
            errors.add(new FieldError("handoffTime", "is required"));
        } else {
            try {
                handoff = LocalTime.parse(input.handoffTime().trim());
            } catch (DateTimeException e) {
                errors.add(new FieldError("handoffTime", "is not a time like 09:00"));
            }
        }
        ZoneId zone = PersonRules.zone(input.timeZone(), errors).orElse(null);
        LocalDate startsOn = null;
        if (input.startsOn() == null || input.startsOn().isBlank()) {
            errors.add(new FieldError("startsOn", "is required"));
        } else {
            try {
                startsOn = LocalDate.parse(input.startsOn().trim());
            } catch (DateTimeException e) {
                errors.add(new FieldError("startsOn", "is not a date like 2026-01-05"));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        return new Rotation(id, teamId, input.name().trim(), members, hours, handoff, zone, startsOn, List.of());
    }

    static int shiftHours(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError("shiftLength", "is required"));
            return 0;
        }
        try {
            Duration d = Duration.parse(value.trim());
            if (d.isNegative() || d.isZero() || d.toSeconds() % 3600 != 0 || d.toHours() > MAX_SHIFT_HOURS) {
                errors.add(new FieldError("shiftLength", "must be whole hours, from PT1H to P366D"));
                return 0;
            }
            return (int) d.toHours();
        } catch (DateTimeException e) {
            errors.add(new FieldError("shiftLength", "is not an ISO-8601 duration like PT24H or P7D"));
            return 0;
        }
    }

    private static Instant instant(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeException e) {
            errors.add(new FieldError(field, "is not an instant like 2026-03-01T09:00:00Z"));
            return null;
        }
    }
}
