package io.aftercare.insights;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One group of respondents and their values, one value per respondent. The values are an unordered multiset: they
 * need not be (and for anonymous polls cannot be) matched to the people. The viewer may be among the people; the
 * rule set leaves them out of the count that must reach k, and assumes they know their own value.
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
