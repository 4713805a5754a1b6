package io.aftercare.insights;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One group of respondents and their values, one value per respondent. The values are an unordered multiset: they
 * need not be (and for anonymous polls cannot be) matched to the people. The viewer may be among the people; the
 * rule set leaves them out of the count that must reach k, and assumes they know their own value.
 * <p>
 * Membership is a snapshot (rule 8), and the caller's to take: a person is in the cell of the team (and severity)
 * they had at the incident, not the one they have now, so that moving between teams cannot be used to difference
 * two periods. The rule set compares cells by who is in them and cannot tell a snapshot from a current team.
 */
public record Cell(String label, Set<UUID> people, List<Integer> values) {

    public Cell {
        Objects.requireNonNull(label);
        people = Set.copyOf(people);
        values = List.copyOf(values);
        if (values.size() != people.size()) {
            throw new IllegalArgumentException("One value per respondent");
        }
    }
}
