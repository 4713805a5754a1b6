package io.aftercare.peersupport.health;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.aftercare.peersupport.SupportRequestsForInsight.Spread;

/**
 * The one figure of programme health that is about the programme's own queue rather than anyone's care: how evenly
 * requests were spread over supporters. Every other figure goes through the insights module's rule set. Shown only
 * over at least {@link #K} people who asked and {@link #K} supporters (the viewer not counted), never as a count.
 */
final class HealthRules {

    /** Distinct people, not counting the viewer (docs/privacy.md, "Aggregates"). */
    static final int K = 5;

    private HealthRules() {
    }

    /** One request offered to one supporter. */
    record Load(UUID supporter, UUID person) {
        Load {
            Objects.requireNonNull(supporter);
            Objects.requireNonNull(person);
        }
    }

    /**
     * How evenly requests were spread: shown only when at least {@link #K} people asked and at least {@link #K}
     * supporters were offered requests (neither counting the viewer). The counts themselves are never shown.
     */
    static Optional<Spread> spread(Collection<Load> rows, UUID viewer) {
        List<Load> others = rows.stream()
            .filter(r -> !r.person().equals(viewer) && !r.supporter().equals(viewer)).toList();
        Set<UUID> people = others.stream().map(Load::person).collect(Collectors.toSet());
        Map<UUID, Long> perSupporter = others.stream()
            .collect(Collectors.groupingBy(Load::supporter, Collectors.counting()));
        if (people.size() < K || perSupporter.size() < K) {
            return Optional.empty();
        }
        long fewest = perSupporter.values().stream().mapToLong(Long::longValue).min().orElse(0);
        long most = perSupporter.values().stream().mapToLong(Long::longValue).max().orElse(0);
        return Optional.of(most - fewest <= 1 ? Spread.EVEN : Spread.UNEVEN);
    }
}
