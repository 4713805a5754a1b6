package io.aftercare.care.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.aftercare.care.rules.ProgrammeRules;
import io.aftercare.care.rules.TriggerRules;
import io.aftercare.incidents.AfterResolving;
import io.aftercare.incidents.IncidentView;

/**
 * Tells the resolver whether the incident's responders will get a private check-in and when, from the trigger rules
 * and the check-in delay. Only rules about the whole incident (severity, length) decide "each of them"; rules about
 * a person (paged in their sleep hours, commander) are named as rules, never applied to anyone by name. Nothing
 * about a person's state (opted out, a case already open) changes the words.
 */
@Component
class CheckInAfterResolving implements AfterResolving {

    private final ProgrammeRules rules;
    private final CareProperties properties;
    private final MessageSource messages;
    private final Clock clock;

    CheckInAfterResolving(ProgrammeRules rules, CareProperties properties, MessageSource messages, Clock clock) {
        this.rules = rules;
        this.properties = properties;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public Optional<String> describe(IncidentView incident) {
        if (incident.resolvedAt() == null) {
            return Optional.empty();
        }
        if (incident.responders().isEmpty()) {
            return Optional.of(text("care.resolved.noResponders"));
        }
        TriggerRules r = rules.current();
        boolean severity = r.severityOn() && incident.severity().ordinal() + 1 <= r.maxSeverity();
        boolean length = r.durationOn() && Duration.between(incident.startedAt(), incident.resolvedAt())
            .compareTo(Duration.ofMinutes(r.minDurationMinutes())) > 0;
        String when = when(incident.resolvedAt().plus(properties.checkInDelay()));
        if (severity || length) {
            return Optional.of(text("care.resolved.everyone", when));
        }
        if (r.sleepOn() && r.commanderOn()) {
            return Optional.of(text("care.resolved.sleepOrCommander", when));
        }
        if (r.sleepOn()) {
            return Optional.of(text("care.resolved.sleep", when));
        }
        if (r.commanderOn()) {
            return Optional.of(text("care.resolved.commander", when));
        }
        return Optional.of(text("care.resolved.none"));
    }

    /** "in about 2 hours", "in about 20 minutes", "now": rounded, as the check-in also waits out quiet hours. */
    private String when(Instant due) {
        Duration left = Duration.between(clock.instant(), due);
        if (left.toMinutes() < 1) {
            return text("care.resolved.when.now");
        }
        if (left.toMinutes() < 90) {
            return text("care.resolved.when.minutes", Math.max(1, (left.toMinutes() + 4) / 5 * 5));
        }
        return text("care.resolved.when.hours", (left.toMinutes() + 30) / 60);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.ENGLISH);
    }
}
