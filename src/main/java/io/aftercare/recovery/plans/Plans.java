package io.aftercare.recovery.plans;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.aftercare.directory.Directory;
import io.aftercare.directory.OnCallShift;
import io.aftercare.directory.PersonName;
import io.aftercare.recovery.PlanShared;
import io.aftercare.recovery.PlanUnshared;
import io.aftercare.shared.DomainException;
import io.aftercare.shared.Problems.FieldError;
import io.aftercare.shared.ReadOnce;

/** A person's plans for their coming on-call shifts: theirs alone, checked against their shifts in the directory. */
@Service
public class Plans {

    /** How far ahead a shift can be planned for. */
    static final Duration AHEAD = Duration.ofDays(60);

    /** A card on My aftercare when a shift starts within this. */
    static final Duration SOON = Duration.ofDays(14);

    private final PlanRepository plans;
    private final Directory directory;
    private final Clock clock;

    private final ApplicationEventPublisher events;

    Plans(PlanRepository plans, Directory directory, Clock clock, ApplicationEventPublisher events) {
        this.plans = plans;
        this.directory = directory;
        this.clock = clock;
        this.events = events;
    }

    /**
     * A plan as typed.
     *
     * @param shiftStartsAt the start of one of the person's coming shifts, an ISO-8601 instant (only when creating)
     * @param kind          SHADOW, PAIR, SWAP or AS_NORMAL
     * @param colleagueId   optional, for SHADOW and PAIR: who with
     * @param shared        whether the leads of the shift's team may see the plan: not when missing on creation;
     *                      when changing, missing keeps it as it was
     */
    public record PlanInput(String shiftStartsAt, String kind, UUID colleagueId, Boolean shared) {
    }

    /** A plan shared with a team's leads, as they see it: who, what and which shift; never why. */
    record SharedPlan(UUID planId, UUID personId, String personName, Instant shiftStartsAt, Instant shiftEndsAt,
                      PlanKind kind, UUID colleagueId, String colleagueName) {
    }

    /** The person's plans, shifts past included, with their colleagues' names. */
    List<Plan> of(UUID personId) {
        return named(plans.of(personId));
    }

    Plan get(UUID personId, UUID id) {
        return plans.find(personId, id).map(p -> named(List.of(p)).get(0))
            .orElseThrow(() -> DomainException.notFound("Plan"));
    }

    /**
     * The person's shifts starting from now up to {@link #AHEAD}, by start; worked out once a page (My aftercare asks
     * for its card and again for each open case).
     */
    public List<OnCallShift> comingShifts(UUID personId) {
        return ReadOnce.read("recovery.comingShifts", personId, () -> {
            Instant now = clock.instant();
            return directory.shifts(personId, now, now.plus(AHEAD)).stream().filter(s -> s.startsAt().isAfter(now))
                .toList();
        });
    }

    /** The next shift starting within {@link #SOON}, if any. */
    Optional<OnCallShift> nextShiftSoon(UUID personId) {
        Instant soon = clock.instant().plus(SOON);
        return comingShifts(personId).stream().filter(s -> s.startsAt().isBefore(soon)).findFirst();
    }

    @Transactional
    public Plan create(UUID personId, PlanInput input) {
        List<FieldError> errors = new ArrayList<>();
        Instant start = null;
        if (input.shiftStartsAt() == null || input.shiftStartsAt().isBlank()) {
            errors.add(new FieldError("shiftStartsAt", "is required: the start of one of your coming shifts"));
        } else {
            try {
                start = OffsetDateTime.parse(input.shiftStartsAt().strip()).toInstant();
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("shiftStartsAt", "must be an instant such as 2026-03-01T09:00:00Z"));
            }
        }
        Instant shiftStart = start;
        Optional<OnCallShift> shift = shiftStart == null ? Optional.empty()
            : comingShifts(personId).stream().filter(s -> s.startsAt().equals(shiftStart)).findFirst();
        if (shiftStart != null && shift.isEmpty()) {
            errors.add(new FieldError("shiftStartsAt", "is not the start of one of your coming shifts"));
        }
        PlanKind kind = kind(input.kind(), errors);
        UUID colleague = colleague(personId, kind, input.colleagueId(), errors);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        if (plans.existsFor(personId, shiftStart)) {
            throw DomainException.conflict("You already have a plan for this shift: change that one instead.");
        }
        Instant now = clock.instant();
        boolean shared = Boolean.TRUE.equals(input.shared()) && shift.get().teamId() != null;
        Plan plan = new Plan(UUID.randomUUID(), shift.get().teamId(), shift.get().startsAt(), shift.get().endsAt(),
            kind, colleague, null, shared, shared ? now : null, now, now);
        plans.insert(personId, plan);
        plans.remindAt(personId, plan.id(), reminder(personId, plan.shiftStartsAt()));
        if (shared) {
            events.publishEvent(new PlanShared(plan.id(), personId, plan.teamId(), now));
        }
        return get(personId, plan.id());
    }

    @Transactional
    Plan update(UUID personId, UUID id, PlanInput input) {
        Plan existing = get(personId, id);
        List<FieldError> errors = new ArrayList<>();
        PlanKind kind = kind(input.kind(), errors);
        UUID colleague = colleague(personId, kind, input.colleagueId(), errors);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        Instant now = clock.instant();
        boolean share = input.shared() == null ? existing.shared()
            : input.shared() && existing.teamId() != null;
        Instant sharedAt = !share ? null : existing.shared() ? existing.sharedAt() : now;
        plans.update(personId, existing.with(kind, colleague, sharedAt, now));
        if (share && !existing.shared()) {
            events.publishEvent(new PlanShared(id, personId, existing.teamId(), now));
        } else if (!share && existing.shared()) {
            events.publishEvent(new PlanUnshared(id));
        }
        return get(personId, id);
    }

    @Transactional
    void delete(UUID personId, UUID id) {
        Plan existing = get(personId, id);
        plans.delete(personId, id);
        if (existing.shared()) {
            events.publishEvent(new PlanUnshared(id));
        }
    }

    /**
     * The plans shared with a team's leads whose shift has not ended, by start, with names. Only shared plans are
     * read: a plan not shared changes nothing here. The caller checks that the reader leads the team.
     */
    List<SharedPlan> sharedWith(UUID teamId) {
        var rows = plans.sharedFor(teamId, clock.instant());
        List<UUID> ids = new ArrayList<>();
        rows.forEach(r -> {
            ids.add(r.getKey());
            if (r.getValue().colleagueId() != null) {
                ids.add(r.getValue().colleagueId());
            }
        });
        Map<UUID, String> names = ids.isEmpty() ? Map.of() : directory.names(ids.stream().distinct().toList())
            .stream().collect(Collectors.toMap(PersonName::id, PersonName::name, (a, b) -> a));
        return rows.stream().map(r -> {
            Plan p = r.getValue();
            return new SharedPlan(p.id(), r.getKey(), names.getOrDefault(r.getKey(), ""), p.shiftStartsAt(),
                p.shiftEndsAt(), p.kind(), p.colleagueId(),
                p.colleagueId() == null ? null : names.get(p.colleagueId()));
        }).toList();
    }

    /** The day before the shift, outside the person's quiet hours in their zone; null when no moment fits. */
    private Instant reminder(UUID personId, Instant shiftStartsAt) {
        return directory.person(personId)
            .flatMap(p -> PlanReminder.at(shiftStartsAt, p.quietHours(), clock.instant())).orElse(null);
    }

    /** Colleagues to choose from: everyone but the person, by name. */
    List<PersonName> colleagues(UUID personId) {
        return directory.everyone(500).stream().filter(p -> !p.id().equals(personId)).toList();
    }

    private static PlanKind kind(String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError("kind", "is required: SHADOW, PAIR, SWAP or AS_NORMAL"));
            return null;
        }
        try {
            return PlanKind.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("kind", "must be SHADOW, PAIR, SWAP or AS_NORMAL"));
            return null;
        }
    }

    private UUID colleague(UUID personId, PlanKind kind, UUID colleagueId, List<FieldError> errors) {
        if (colleagueId == null || kind == null || !kind.withSomeone()) {
            return null;
        }
        if (colleagueId.equals(personId) || directory.person(colleagueId).isEmpty()) {
            errors.add(new FieldError("colleagueId", "is not a colleague in the directory"));
        }
        return colleagueId;
    }

    private List<Plan> named(List<Plan> list) {
        List<UUID> ids = list.stream().map(Plan::colleagueId).filter(java.util.Objects::nonNull).distinct().toList();
        Map<UUID, String> names = ids.isEmpty() ? Map.of() : directory.names(ids).stream()
            .collect(Collectors.toMap(PersonName::id, PersonName::name, (a, b) -> a));
        return list.stream().map(p -> p.named(p.colleagueId() == null ? null : names.get(p.colleagueId()))).toList();
    }
}
