package io.aftercare.insights.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SuppressionTest {

    @Test
    void aPartAndItsRemainderMustBothReachK() {
        assertThat(Suppression.open(List.of(5, 5), 5, 10)).containsExactly(true, true);
        assertThat(Suppression.open(List.of(10), 5, 10)).as("no remainder").containsExactly(true);
        assertThat(Suppression.open(List.of(6), 5, 9)).as("a remainder of three").containsExactly(false);
    }

    @Test
    void aHiddenPartHidesTheNextSmallestUntilTheHiddenOnesReachK() {
        assertThat(Suppression.open(List.of(2, 9, 6, 7), 5, 24)).containsExactly(false, true, false, true);
        assertThat(Suppression.open(List.of(1, 1, 9, 6), 5, 17)).containsExactly(false, false, true, false);
        assertThat(Suppression.open(List.of(0, 8, 9), 5, 17)).containsExactly(false, false, true);
    }
}
