package io.aftercare.peersupport.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.aftercare.peersupport.SupportRequestsForInsight.Spread;
import io.aftercare.peersupport.health.HealthRules.Load;

class HealthRulesTest {

    static final UUID VIEWER = UUID.randomUUID();

    static List<UUID> people(int n) {
        return IntStream.range(0, n).mapToObj(i -> UUID.randomUUID()).toList();
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
