package io.aftercare.peersupport.nudges;

import io.aftercare.care.Outreach;

/** Whom a nudge goes to, as the person asked in their check-in: a teammate, or their lead. */
enum NudgeRelation {
    TEAMMATE, LEAD;

    /** Whether a wish names colleagues to nudge: teammates or the lead. Resources, a peer supporter, nobody: no. */
    static boolean namedIn(String outreach) {
        return Outreach.TEAMMATE.name().equals(outreach) || Outreach.LEAD.name().equals(outreach);
    }

    /** Whether the person's wish allows a nudge of this relation: TEAMMATE for teammates, LEAD for the lead. */
    boolean allowedBy(String outreach) {
        return namedIn(outreach) && name().equals(outreach);
    }
}
