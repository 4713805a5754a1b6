package io.aftercare.peersupport.nudges;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.aftercare.care.CareCases;
import io.aftercare.peersupport.cases.SupportCases;
import io.aftercare.peersupport.cases.SupportCases.SupportCase;

/** Who may be nudged, asked both when nudges are chosen and again when one is due. */
@Component
class NudgeRules {

    private final CareCases care;
    private final SupportCases cases;
    private final NudgeProperties properties;
    private final Clock clock;

    NudgeRules(CareCases care, SupportCases cases, NudgeProperties properties, Clock clock) {
        this.care = care;
        this.cases = cases;
        this.properties = properties;
        this.clock = clock;
    }

    /** Nobody who opted out is asked to look after anyone, nor is anyone asked to look after them. */
    boolean mayBeNudged(UUID personId) {
        return !care.hasOptedOut(personId);
    }

    /** Whether the person has a recent case of their own open: then they are not asked to look after anyone. */
    boolean hasOwnCase(UUID personId) {
        return care.hasOpenCaseSince(personId, clock.instant().minus(properties.nudgeSkipOwnCaseWithin()));
    }

    /** A teammate who was in one of the case's incidents too is not nudged, unless configured otherwise. */
    boolean leftOutAsFellowResponder(UUID teammate, List<UUID> incidents) {
        return !properties.nudgeIncidentTeammates() && cases.wasIn(teammate, incidents);
    }

    /**
     * Whether a nudge of this relation to this recipient is still what the case asks for: the person's wish allows
     * it, they have not opted out, and a teammate was not in the incident themselves.
     */
    boolean stillWanted(SupportCase supportCase, UUID about, UUID nudged, NudgeRelation relation) {
        return supportCase != null && relation.allowedBy(supportCase.outreach()) && mayBeNudged(about)
            && (relation == NudgeRelation.LEAD || !leftOutAsFellowResponder(nudged, supportCase.incidentIds()));
    }
}
