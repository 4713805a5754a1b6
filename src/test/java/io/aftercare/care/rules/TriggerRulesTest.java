package io.aftercare.care.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.aftercare.care.ResolvedIncident;
import io.aftercare.care.ResolvedIncident.Responder;
import io.aftercare.care.rules.TriggerRules.Reason;

class TriggerRulesTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    final UUID person = UUID.randomUUID();

    /** A 30-minute incident at 14:00 Berlin time (12:00 UTC in summer). */
    ResolvedIncident incident(String severity, String start, String end, Responder... responders) {
        return new ResolvedIncident(UUID.randomUUID(), "Checkout errors", severity, Instant.parse(start), null,
            Instant.parse(end), List.of(responders));
    }

    Responder responder(String role, String joinedAt) {
        return new Responder(person, role, joinedAt == null ? null : Instant.parse(joinedAt));
    }

    @Test
    void aShortMinorDaytimeIncidentOpensNothing() {
        Responder r = responder("RESPONDER", null);
        var i = incident("SEV4", "2026-06-10T12:00:00Z", "2026-06-10T12:30:00Z", r);
        assertThat(TriggerRules.DEFAULTS.reasons(i, r, BERLIN)).isEmpty();
    }

    @Test
    void severeIncidentsUpToSev3Match() {
        Responder r = responder("RESPONDER", null);
        assertThat(TriggerRules.DEFAULTS.reasons(incident("SEV3", "2026-06-10T12:00:00Z", "2026-06-10T12:30:00Z", r),
            r, BERLIN)).containsExactly(Reason.SEVERITY);
        assertThat(TriggerRules.DEFAULTS.reasons(incident("SEV1", "2026-06-10T12:00:00Z", "2026-06-10T12:30:00Z", r),
            r, BERLIN)).containsExactly(Reason.SEVERITY);
    }

    @Test
    void lastingMoreThanAnHourMatchesButExactlyAnHourDoesNot() {
        Responder r = responder("RESPONDER", null);
        assertThat(TriggerRules.DEFAULTS.reasons(incident("SEV5", "2026-06-10T12:00:00Z", "2026-06-10T13:00:01Z", r),
            r, BERLIN)).containsExactly(Reason.DURATION);
        assertThat(TriggerRules.DEFAULTS.reasons(incident("SEV5", "2026-06-10T12:00:00Z", "2026-06-10T13:00:00Z", r),
            r, BERLIN)).isEmpty();
    }

    @Test
    void beingPagedDuringSleepHoursCountsInThePersonsOwnZone() {
        // 21:30 UTC is 23:30 in Berlin (asleep) but 17:30 in New York (awake)
        Responder r = responder("RESPONDER", "2026-06-10T21:30:00Z");
        var i = incident("SEV5", "2026-06-10T21:20:00Z", "2026-06-10T21:50:00Z", r);
        assertThat(TriggerRules.DEFAULTS.reasons(i, r, BERLIN)).containsExactly(Reason.SLEEP_HOURS);
        assertThat(TriggerRules.DEFAULTS.reasons(i, r, ZoneId.of("America/New_York"))).isEmpty();
    }

    @Test
    void sleepHoursEndAtEightAndUseTheStartWhenTheJoinTimeIsUnknown() {
        Responder early = responder("RESPONDER", "2026-06-10T05:59:00Z"); // 07:59 Berlin
        Responder late = responder("RESPONDER", "2026-06-10T06:00:00Z"); // 08:00 Berlin
        var i = incident("SEV5", "2026-06-10T05:00:00Z", "2026-06-10T05:30:00Z", early, late);
        assertThat(TriggerRules.DEFAULTS.reasons(i, early, BERLIN)).containsExactly(Reason.SLEEP_HOURS);
        assertThat(TriggerRules.DEFAULTS.reasons(i, late, BERLIN)).isEmpty();
        Responder unknown = responder("RESPONDER", null);
        assertThat(TriggerRules.DEFAULTS.reasons(i, unknown, BERLIN)).containsExactly(Reason.SLEEP_HOURS);
    }

    @Test
    void theCommanderAlwaysGetsOneButAnObserverNeedsAnotherReason() {
        Responder commander = responder("COMMANDER", null);
        Responder observer = responder("OBSERVER", null);
        var i = incident("SEV5", "2026-06-10T12:00:00Z", "2026-06-10T12:10:00Z", commander, observer);
        assertThat(TriggerRules.DEFAULTS.reasons(i, commander, BERLIN)).containsExactly(Reason.COMMANDER);
        assertThat(TriggerRules.DEFAULTS.reasons(i, observer, BERLIN)).isEmpty();
    }

    @Test
    void rulesThatAreSwitchedOffNeverMatch() {
        TriggerRules off = new TriggerRules(false, 3, false, 60, false, LocalTime.of(22, 0), LocalTime.of(8, 0), false);
        Responder r = responder("COMMANDER", "2026-06-10T23:00:00Z");
        var i = incident("SEV1", "2026-06-10T20:00:00Z", "2026-06-11T02:00:00Z", r);
        assertThat(off.reasons(i, r, BERLIN)).isEmpty();
        assertThat(TriggerRules.DEFAULTS.reasons(i, r, BERLIN)).containsExactlyInAnyOrder(Reason.values());
    }

    @Test
    void invalidIncidentsAreRefused() {
        assertThatThrownBy(() -> incident("SEV9", "2026-06-10T12:00:00Z", "2026-06-10T12:10:00Z"))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Responder(person, "BYSTANDER", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TriggerRules(true, 6, true, 60, true, LocalTime.MIDNIGHT, LocalTime.NOON, true))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
