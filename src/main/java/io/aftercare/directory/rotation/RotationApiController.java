package io.aftercare.directory.rotation;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.aftercare.directory.PersonRef;
import io.aftercare.directory.person.PersonRepository;
import io.aftercare.directory.rotation.RotationService.OverrideInput;
import io.aftercare.directory.rotation.RotationService.RotationInput;
import io.aftercare.identity.AftercareUser;
import io.aftercare.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/teams/{teamId}")
@Tag(name = "On-call rotations", description = "A team's rotations, overrides and who is on call. Anyone signed in "
    + "can read; admins and the team's leads can change.")
class RotationApiController {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final RotationService rotations;
    private final PersonRepository people;
    private final Clock clock;

    RotationApiController(RotationService rotations, PersonRepository people, Clock clock) {
        this.rotations = rotations;
        this.people = people;
        this.clock = clock;
    }

    @Schema(name = "RotationOverride", description = "personId is on call instead from startsAt (inclusive) to "
        + "endsAt (exclusive)")
    record OverrideView(UUID id, UUID personId, Instant startsAt, Instant endsAt) {
        static OverrideView of(Rotation.Override o) {
            return new OverrideView(o.id(), o.personId(), o.startsAt(), o.endsAt());
        }
    }

    @Schema(name = "Rotation")
    record RotationView(UUID id, UUID teamId, String name,
                        @Schema(description = "person ids in hand-off order") List<UUID> members,
                        @Schema(description = "ISO-8601 duration in whole hours; a multiple of 24 hours hands off at "
                            + "the local hand-off time every N days (daylight saving kept), other lengths are "
                            + "fixed durations from the first hand-off", example = "PT168H") String shiftLength,
                        @Schema(example = "09:00") String handoffTime,
                        @Schema(example = "Europe/Berlin") String timeZone,
                        @Schema(example = "2026-01-05") String startsOn,
                        List<OverrideView> overrides) {
        static RotationView of(Rotation r) {
            return new RotationView(r.id(), r.teamId(), r.name(), r.members(), r.shiftLength().toString(),
                HH_MM.format(r.handoffTime()), r.zone().getId(), r.startsOn().toString(),
                r.overrides().stream().map(OverrideView::of).toList());
        }
    }

    @Schema(name = "RotationInput")
    record RotationBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
                        @Schema(description = "person ids in hand-off order") List<UUID> members,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "ISO-8601 duration of "
                            + "whole hours, PT1H to P366D: PT24H or P1D daily, PT168H or P7D weekly",
                            example = "PT168H") String shiftLength,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "09:00") String handoffTime,
                        @Schema(description = "IANA time zone of the hand-off time; default UTC",
                            example = "Europe/Berlin") String timeZone,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "date of the first "
                            + "hand-off; nobody is on call for the rotation before it", example = "2026-01-05")
                        String startsOn) {
        RotationInput input() {
            return new RotationInput(name, members, shiftLength, handoffTime, timeZone, startsOn);
        }
    }

    @Schema(name = "OverrideInput")
    record OverrideBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID personId,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-03-01T09:00:00Z")
                        String startsAt,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-03-02T09:00:00Z")
                        String endsAt) {
    }

    @Schema(name = "OnCallPerson")
    record OnCallPerson(UUID rotationId, String rotationName, UUID personId, String name, String email) {
    }

    @Schema(name = "OnCall")
    record OnCallView(UUID teamId, Instant at, List<OnCallPerson> onCall) {
    }

    @GetMapping("/rotations")
    @Operation(summary = "A team's rotations")
    List<RotationView> list(@PathVariable UUID teamId) {
        return rotations.ofTeam(teamId).stream().map(RotationView::of).toList();
    }

    @PostMapping("/rotations")
    @PreAuthorize("@teamAccess.canManage(authentication, #teamId)")
    @Operation(summary = "Create a rotation (admins and the team's leads)")
    ResponseEntity<RotationView> create(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID teamId,
                                        @RequestBody RotationBody body) {
        Rotation r = rotations.create(teamId, body.input(), me.personId());
        return ResponseEntity.created(URI.create("/api/v1/teams/" + teamId + "/rotations/" + r.id()))
            .body(RotationView.of(r));
    }

    @GetMapping("/rotations/{rotationId}")
    @Operation(summary = "One rotation, with its overrides")
    RotationView get(@PathVariable UUID teamId, @PathVariable UUID rotationId) {
        return RotationView.of(rotations.get(teamId, rotationId));
    }

    @GetMapping("/rotations/{rotationId}/overrides")
    @Operation(summary = "A rotation's overrides, as its page lists them")
    List<OverrideView> overrides(@PathVariable UUID teamId, @PathVariable UUID rotationId) {
        return rotations.get(teamId, rotationId).overrides().stream().map(OverrideView::of).toList();
    }

    @PutMapping("/rotations/{rotationId}")
    @PreAuthorize("@teamAccess.canManage(authentication, #teamId)")
    @Operation(summary = "Replace a rotation's settings and members (admins and the team's leads); overrides stay")
    RotationView update(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID teamId,
                        @PathVariable UUID rotationId, @RequestBody RotationBody body) {
        return RotationView.of(rotations.update(teamId, rotationId, body.input(), me.personId()));
    }

    @DeleteMapping("/rotations/{rotationId}")
    @PreAuthorize("@teamAccess.canManage(authentication, #teamId)")
    @Operation(summary = "Remove a rotation (admins and the team's leads)")
    ResponseEntity<Void> delete(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID teamId,
                                @PathVariable UUID rotationId) {
        rotations.delete(teamId, rotationId, me.personId());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/rotations/{rotationId}/overrides")
    @PreAuthorize("@teamAccess.canManage(authentication, #teamId)")
    @Operation(summary = "Put someone on call instead for a while (admins and the team's leads)")
    ResponseEntity<OverrideView> addOverride(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID teamId,
                                             @PathVariable UUID rotationId, @RequestBody OverrideBody body) {
        Rotation.Override o = rotations.addOverride(teamId, rotationId,
            new OverrideInput(body.personId(), body.startsAt(), body.endsAt()), me.personId());
        return ResponseEntity.created(URI.create("/api/v1/teams/" + teamId + "/rotations/" + rotationId
            + "/overrides/" + o.id())).body(OverrideView.of(o));
    }

    @DeleteMapping("/rotations/{rotationId}/overrides/{overrideId}")
    @PreAuthorize("@teamAccess.canManage(authentication, #teamId)")
    @Operation(summary = "Remove an override (admins and the team's leads)")
    ResponseEntity<Void> deleteOverride(@AuthenticationPrincipal AftercareUser me, @PathVariable UUID teamId,
                                        @PathVariable UUID rotationId, @PathVariable UUID overrideId) {
        rotations.deleteOverride(teamId, rotationId, overrideId, me.personId());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/oncall")
    @Operation(summary = "Who is on call for the team: one person per rotation that has someone, overrides included")
    OnCallView onCall(@PathVariable UUID teamId,
                      @RequestParam(required = false) @Parameter(description = "ISO-8601 instant; default now",
                          example = "2026-03-29T10:00:00Z") String at) {
        Instant when;
        try {
            when = at == null || at.isBlank() ? clock.instant() : java.time.OffsetDateTime.parse(at.trim()).toInstant();
        } catch (java.time.DateTimeException e) {
            throw DomainException.invalid("at", "is not an instant like 2026-03-29T10:00:00Z");
        }
        List<Rotation> team = rotations.ofTeam(teamId);
        List<UUID[]> pairs = new ArrayList<>();
        for (Rotation r : team) {
            OnCallCalculator.onCallAt(r, when).ifPresent(p -> pairs.add(new UUID[] {r.id(), p}));
        }
        Map<UUID, PersonRef> byId = people.findAll(pairs.stream().map(p -> p[1]).distinct().toList()).stream()
            .collect(Collectors.toMap(PersonRef::id, Function.identity()));
        Map<UUID, Rotation> rotationsById = team.stream().collect(Collectors.toMap(Rotation::id, Function.identity()));
        List<OnCallPerson> onCall = pairs.stream().filter(p -> byId.containsKey(p[1])).map(p -> {
            PersonRef person = byId.get(p[1]);
            return new OnCallPerson(p[0], rotationsById.get(p[0]).name(), person.id(), person.name(), person.email());
        }).toList();
        return new OnCallView(teamId, when, onCall);
    }
}
