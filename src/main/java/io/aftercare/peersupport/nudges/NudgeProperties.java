package io.aftercare.peersupport.nudges;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code aftercare.support.*} for tier 1.
 *
 * @param nudgeLeads              whether the person's team lead(s) are nudged when the person asks for their lead
 * @param nudgeTeammates          how many teammates (not leads) are nudged per case, at most, when the person asks
 *                                for a teammate
 * @param nudgeIncidentTeammates  whether teammates who were in the same incident may be nudged (by default not:
 *                                they had the same night)
 * @param nudgeDelay              after the person's answer, before choosing whom to nudge (each nudge then waits for
 *                                the end of its recipient's quiet hours); gives every responder's case time to arrive
 * @param nudgeSkipOwnCaseWithin  a colleague with a case of their own open that was opened within this time (their own
 *                                incident, or one they opened for themselves) is not nudged about someone else: they
 *                                are looked after, not asked to look after (default {@value #OWN_CASE_WINDOW})
 */
@ConfigurationProperties("aftercare.support")
record NudgeProperties(@DefaultValue("true") boolean nudgeLeads, @DefaultValue("2") int nudgeTeammates,
                       @DefaultValue("false") boolean nudgeIncidentTeammates,
                       @DefaultValue("10m") Duration nudgeDelay,
                       @DefaultValue(NudgeProperties.OWN_CASE_WINDOW) Duration nudgeSkipOwnCaseWithin) {

    /** How recent an open case of their own keeps a colleague from being nudged, unless configured otherwise. */
    static final String OWN_CASE_WINDOW = "7d";
}
