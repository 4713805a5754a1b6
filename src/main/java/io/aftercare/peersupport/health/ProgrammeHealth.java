package io.aftercare.peersupport.health;

import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import io.aftercare.peersupport.health.HealthRules.Fold;
import io.aftercare.peersupport.health.HealthRules.Outcome;

/**
 * Programme health of one closed month, as a viewer may see it: each figure through {@link HealthRules} (k distinct
 * people besides the viewer for numerator and denominator, broad bands), from {@link HealthStore}'s rows.
 */
@Service
class ProgrammeHealth {

    /**
     * One figure: the message key of what it is, and the message key of its band, or {@code null} when it cannot be
     * shown without identifying anyone.
     */
    public record Figure(String key, String band) {
        public boolean shown() {
            return band != null;
        }
    }

    private final HealthStore store;

    ProgrammeHealth(HealthStore store) {
        this.store = store;
    }

    List<Figure> figures(YearMonth month, UUID viewer) {
        List<HealthStore.CaseRow> cases = store.cases(month);
        List<HealthStore.AssignmentRow> assignments = store.assignments(month);
        return List.of(
            share("within24", cases.stream()
                .map(c -> new Outcome(c.person(), c.reachedWithin(Duration.ofHours(24)))).toList(), Fold.EVERY, viewer),
            share("within72", cases.stream()
                .map(c -> new Outcome(c.person(), c.reachedWithin(Duration.ofHours(72)))).toList(), Fold.EVERY, viewer),
            figure("median", "speed", HealthRules.typicalSpeed(cases.stream()
                .map(c -> new HealthRules.Delay(c.person(), c.delay())).toList(), viewer)),
            share("ackInTime", assignments.stream().filter(HealthStore.AssignmentRow::decided)
                .map(a -> new Outcome(a.person(), a.inTime())).toList(), Fold.EVERY, viewer),
            figure("spread", "spread", HealthRules.spread(assignments.stream()
                .map(a -> new HealthRules.Load(a.supporter(), a.person())).toList(), viewer)),
            share("contactInTime", store.contacts(month).stream()
                .map(c -> new Outcome(c.person(), c.inTime())).toList(), Fold.EVERY, viewer),
            share("unassigned", store.requests(month).stream()
                .map(r -> new Outcome(r.person(), r.leftWaiting())).toList(), Fold.ANY, viewer));
    }

    private static Figure share(String key, List<Outcome> rows, Fold fold, UUID viewer) {
        return figure(key, "share", HealthRules.share(rows, fold, viewer));
    }

    private static Figure figure(String key, String kind, Optional<? extends Enum<?>> band) {
        return new Figure("support.health.figure." + key,
            band.map(b -> "support.health." + kind + "." + b.name()).orElse(null));
    }
}
