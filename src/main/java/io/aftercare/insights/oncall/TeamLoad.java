package io.aftercare.insights.oncall;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * A team's on-call load in one month, for its leads, coordinators and admins: each person's own month (in their own
 * time zone) and each rotation's size and fairness. Operational data only; no care answer is ever part of it.
 */
record TeamLoad(UUID teamId, String teamName, YearMonth month, List<Row> people, List<RotationLoad> rotations) {

    TeamLoad {
        people = List.copyOf(people);
        rotations = List.copyOf(rotations);
    }

    record Row(UUID personId, String name, PersonLoad load) {
    }

    /**
     * @param size       how many people take turns
     * @param singleSite whether everyone in it lives by the same clock (one time zone), so one site covers 24/7
     */
    record RotationLoad(UUID rotationId, String name, int size, boolean singleSite, Fairness fairness) {

        /** The SRE book: a single-site rotation covering 24/7 needs at least 8 people. */
        static final int MINIMUM_SINGLE_SITE = 8;

        public boolean tooSmall() {
            return singleSite && size > 0 && size < MINIMUM_SINGLE_SITE;
        }
    }

    public int business() {
        return people.stream().mapToInt(r -> r.load().business()).sum();
    }

    public int off() {
        return people.stream().mapToInt(r -> r.load().off()).sum();
    }

    public int sleep() {
        return people.stream().mapToInt(r -> r.load().sleep()).sum();
    }

    public int interruptions() {
        return business() + off() + sleep();
    }
}
