package io.aftercare.peersupport.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.aftercare.peersupport.health.HealthRules.Delay;
import io.aftercare.peersupport.health.HealthRules.Fold;
import io.aftercare.peersupport.health.HealthRules.Load;
import io.aftercare.peersupport.health.HealthRules.Outcome;
import io.aftercare.peersupport.health.HealthRules.Share;
import io.aftercare.peersupport.health.HealthRules.Speed;
import io.aftercare.peersupport.health.HealthRules.Spread;

class HealthRulesTest {

    static final UUID VIEWER = UUID.randomUUID();

    static List<UUID> people(int n) {
        return IntStream.range(0, n).mapToObj(i -> UUID.randomUUID()).toList();
    }

    /** {@code yes} of {@code n} people counted, one row each. */
    static List<Outcome> outcomes(int yes, int n) {
        List<UUID> people = people(n);
        List<Outcome> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Outcome(people.get(i), i < yes));
        }
        return rows;
    }

    @Test
    void aShareIsShownOnlyWhenFivePeopleAreInItAndFiveAreCounted() {
        assertThat(HealthRules.share(outcomes(5, 5), Fold.EVERY, VIEWER)).contains(Share.MORE_THAN_THREE_QUARTERS);
        assertThat(HealthRules.share(outcomes(4, 4), Fold.EVERY, VIEWER)).as("four people").isEmpty();
        assertThat(HealthRules.share(outcomes(4, 20), Fold.EVERY, VIEWER)).as("four counted of twenty").isEmpty();
        assertThat(HealthRules.share(outcomes(0, 0), Fold.EVERY, VIEWER)).isEmpty();
    }

    @Test
    void belowKOnePersonMoreOrLessOrAnsweringDifferentlyChangesNothing() {
        // the same "not enough" for 0 to 4 people, whatever their outcomes
        for (int n = 0; n < HealthRules.K; n++) {
            for (int yes = 0; yes <= n; yes++) {
                assertThat(HealthRules.share(outcomes(yes, n), Fold.EVERY, VIEWER)).isEmpty();
            }
        }
        // 4 counted of 10: one more person, or one counted person fewer, is still not enough
        assertThat(HealthRules.share(outcomes(4, 11), Fold.EVERY, VIEWER)).isEmpty();
        assertThat(HealthRules.share(outcomes(3, 10), Fold.EVERY, VIEWER)).isEmpty();
    }

    @Test
    void theViewerIsNotCounted() {
        List<Outcome> rows = new ArrayList<>(outcomes(4, 4));
        rows.add(new Outcome(VIEWER, true));
        assertThat(HealthRules.share(rows, Fold.EVERY, VIEWER)).isEmpty();
        assertThat(HealthRules.share(rows, Fold.EVERY, UUID.randomUUID())).isPresent();
    }

    @Test
    void rowsAreFoldedToOnePersonBeforeCounting() {
        UUID sam = UUID.randomUUID();
        // five rows, one person: not five people
        List<Outcome> one = IntStream.range(0, 5).mapToObj(i -> new Outcome(sam, true)).toList();
        assertThat(HealthRules.share(one, Fold.EVERY, VIEWER)).isEmpty();

        List<Outcome> rows = new ArrayList<>(outcomes(5, 10));
        UUID counted = rows.get(0).person();
        rows.add(new Outcome(counted, false));
        assertThat(HealthRules.share(rows, Fold.EVERY, VIEWER)).as("every: one miss un-counts them").isEmpty();
        assertThat(HealthRules.share(rows, Fold.ANY, VIEWER)).as("any: one yes counts them").contains(Share.ABOUT_HALF);
    }

    @Test
    void bandsHaveExactEdges() {
        assertThat(Share.of(5, 21)).isEqualTo(Share.FEWER_THAN_A_QUARTER);
        assertThat(Share.of(5, 20)).isEqualTo(Share.A_QUARTER_TO_NEARLY_HALF);
        assertThat(Share.of(8, 18)).isEqualTo(Share.A_QUARTER_TO_NEARLY_HALF);
        assertThat(Share.of(9, 20)).isEqualTo(Share.ABOUT_HALF);
        assertThat(Share.of(5, 10)).isEqualTo(Share.ABOUT_HALF);
        assertThat(Share.of(11, 20)).isEqualTo(Share.ABOUT_HALF);
        assertThat(Share.of(12, 20)).isEqualTo(Share.MORE_THAN_HALF);
        assertThat(Share.of(15, 20)).isEqualTo(Share.MORE_THAN_HALF);
        assertThat(Share.of(16, 20)).isEqualTo(Share.MORE_THAN_THREE_QUARTERS);
        assertThat(Share.of(7, 7)).as("never 'all'").isEqualTo(Share.MORE_THAN_THREE_QUARTERS);
    }

    @Test
    void oneMorePersonCountedNeverMovesTheShareDownAndEveryBandIsReachable() {
        java.util.Set<Share> seen = java.util.EnumSet.noneOf(Share.class);
        for (int n = 1; n <= 60; n++) {
            for (int c = 0; c < n; c++) {
                assertThat(Share.of(c + 1, n)).isGreaterThanOrEqualTo(Share.of(c, n));
                seen.add(Share.of(c, n));
            }
        }
        assertThat(seen).containsExactly(Share.values());
    }

    @Test
    void theTypicalTimeIsAMedianOverPeopleInBands() {
        List<UUID> p = people(7);
        List<Delay> rows = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            rows.add(new Delay(p.get(i), i < 4 ? Duration.ofHours(3) : Duration.ofHours(50)));
        }
        assertThat(HealthRules.typicalSpeed(rows, VIEWER)).contains(Speed.WITHIN_A_DAY);
        // someone's second case took longer: their longest wait counts
        rows.add(new Delay(p.get(0), Duration.ofHours(60)));
        assertThat(HealthRules.typicalSpeed(rows, VIEWER)).contains(Speed.WITHIN_THREE_DAYS);
        // nobody reached out to three of them: only four reached, not enough
        rows.add(new Delay(p.get(4), null));
        rows.add(new Delay(p.get(5), null));
        rows.add(new Delay(p.get(6), null));
        assertThat(HealthRules.typicalSpeed(rows, VIEWER)).isEmpty();
        assertThat(HealthRules.typicalSpeed(rows.subList(0, 4), VIEWER)).as("four people").isEmpty();
    }

    @Test
    void theSpreadNeedsFivePeopleAndFiveSupportersAndShowsNoCount() {
        List<UUID> supporters = people(5);
        List<UUID> asking = people(5);
        List<Load> even = IntStream.range(0, 5).mapToObj(i -> new Load(supporters.get(i), asking.get(i))).toList();
        assertThat(HealthRules.spread(even, VIEWER)).contains(Spread.EVEN);
        List<Load> uneven = new ArrayList<>(even);
        uneven.add(new Load(supporters.get(0), asking.get(1)));
        uneven.add(new Load(supporters.get(0), asking.get(2)));
        assertThat(HealthRules.spread(uneven, VIEWER)).contains(Spread.UNEVEN);
        assertThat(HealthRules.spread(even.subList(0, 4), VIEWER)).isEmpty();
        List<Load> viewerSupports = new ArrayList<>(even.subList(0, 4));
        viewerSupports.add(new Load(VIEWER, asking.get(4)));
        assertThat(HealthRules.spread(viewerSupports, VIEWER)).as("the viewer's own requests are not counted").isEmpty();
    }
}
