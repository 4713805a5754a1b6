package io.aftercare.peersupport.requests;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who supports whom: the eligible supporter with the lowest current load; among equals, one who can be told and
 * answer right now (within their working hours, outside their own quiet hours), then the one with fewer assignments
 * this week. Pure, so that fairness and the
 * exclusions can be checked as properties.
 */
final class Assignment {

    private Assignment() {
    }

    /**
     * A supporter on the roster.
     *
     * @param line         the supporter's managers, nearest first (their reporting line upwards)
     * @param load         requests they hold now (assigned, acknowledged, contact made)
     * @param weekAssigned requests assigned to them in the last seven days
     * @param overlapsNow  whether it is within their working hours and outside their own quiet hours now
     */
    record Candidate(UUID id, Set<UUID> teams, List<UUID> line, boolean onBreak, int load, int weekAssigned,
                     int weeklyCapacity, boolean overlapsNow) {
    }

    /**
     * The person asking.
     *
     * @param tried supporters this request was already with (they do not get it again)
     */
    record Seeker(UUID personId, Set<UUID> teams, List<UUID> line, Set<UUID> tried) {
    }

    record Exclusions(boolean sameTeam, boolean sameLine) {
    }

    static boolean eligible(Candidate c, Seeker s, Exclusions x) {
        if (c.id().equals(s.personId()) || c.onBreak() || s.tried().contains(c.id())
            || c.weekAssigned() >= c.weeklyCapacity()) {
            return false;
        }
        if (x.sameTeam() && c.teams().stream().anyMatch(s.teams()::contains)) {
            return false;
        }
        return !(x.sameLine() && sameLine(c, s));
    }

    /** One is the other's manager (at any level up), or they report to the same manager. */
    static boolean sameLine(Candidate c, Seeker s) {
        return s.line().contains(c.id()) || c.line().contains(s.personId())
            || (!c.line().isEmpty() && !s.line().isEmpty() && c.line().get(0).equals(s.line().get(0)));
    }

    static Optional<Candidate> pick(List<Candidate> roster, Seeker seeker, Exclusions exclusions) {
        return roster.stream().filter(c -> eligible(c, seeker, exclusions))
            .min(Comparator.comparingInt(Candidate::load)
                .thenComparing(c -> !c.overlapsNow())
                .thenComparingInt(Candidate::weekAssigned)
                .thenComparing(Candidate::id));
    }
}
