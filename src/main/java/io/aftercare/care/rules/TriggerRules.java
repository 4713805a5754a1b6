package io.aftercare.care.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import io.aftercare.care.ResolvedIncident;
import io.aftercare.directory.QuietHours;

/**
 * When an incident opens a care case for one of its people: any rule that is switched on and matches is enough.
 *
 * @param maxSeverity        severities from SEV1 up to this one match (3: SEV1âSEV3)
 * @param minDurationMinutes incidents that lasted longer than this match
 * @param sleepStart         sleep hours in the person's own time zone; being paged in them matches
 */
public record TriggerRules(boolean severityOn, int maxSeverity, boolean durationOn, int minDurationMinutes,
                           boolean sleepOn, LocalTime sleepStart, LocalTime sleepEnd, boolean commanderOn) {

    public static final TriggerRules DEFAULTS = new TriggerRules(true, 3, true, 60, true, LocalTime.of(22, 0),
        LocalTime.of(8, 0), true);

    /** Why a rule matched, for the person (“you were paged during your sleep hours”). */
    public enum Reason { SEVERITY, DURATION, SLEEP_HOURS, COMMANDER }

    public TriggerRules {
        if (maxSeverity < 1 || maxSeverity > 5) {
            throw new IllegalArgumentException("maxSeverity must be 1 to 5");
        }
        if (minDurationMinutes < 0) {
            throw new IllegalArgumentException("minDurationMinutes must be 0 or more");
        }
    }

    /** The rules that match this person in this incident; empty means no care case. */
    public Set<Reason> reasons(ResolvedIncident incident, ResolvedIncident.Responder responder, ZoneId zone) {
        Set<Reason> reasons = EnumSet.noneOf(Reason.class);
        if (severityOn && incident.severityLevel() <= maxSeverity) {
            reasons.add(Reason.SEVERITY);
        }
        if (durationOn && Duration.between(incident.startedAt(), incident.resolvedAt())
            .compareTo(Duration.ofMinutes(minDurationMinutes)) > 0) {
            reasons.add(Reason.DURATION);
        }
        Instant paged = responder.joinedAt() == null ? incident.startedAt() : responder.joinedAt();
        if (sleepOn && QuietHours.within(paged.atZone(zone).toLocalTime(), sleepStart, sleepEnd)) {
            reasons.add(Reason.SLEEP_HOURS);
        }
        if (commanderOn && "COMMANDER".equals(responder.role())) {
            reasons.add(Reason.COMMANDER);
        }
        return reasons;
    }
}
