package io.aftercare.insights.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.aftercare.insights.Figure;
import io.aftercare.insights.Figure.Edge;

class CoarseTest {

    @Test
    void theEdgesOfAShareAreTwoOrFewerAndAllButTwoOrFewer() {
        assertThat(Coarse.share(0, 6)).isEqualTo(new Figure.Share(0, 6, 0, Edge.FEW));
        assertThat(Coarse.share(2, 6)).isEqualTo(new Figure.Share(0, 6, 0, Edge.FEW));
        assertThat(Coarse.share(3, 6)).isEqualTo(new Figure.Share(3, 6, 50.0, Edge.EXACT));
        assertThat(Coarse.share(4, 6)).isEqualTo(new Figure.Share(0, 6, 0, Edge.ALL_BUT_FEW));
        assertThat(Coarse.share(6, 6)).isEqualTo(new Figure.Share(0, 6, 0, Edge.ALL_BUT_FEW));
        assertThat(Coarse.share(1, 3)).isEqualTo(new Figure.Share(0, 3, 0, Edge.FEW));
    }

    @Test
    void aMeanIsToAHalfUnderTenAndToATenthFromTen() {
        assertThat(Coarse.mean(List.of(3, 3, 4, 4, 4))).isEqualTo(new Figure.Mean(3.5, 5));
        assertThat(Coarse.mean(List.of(3, 3, 3, 4, 4))).isEqualTo(new Figure.Mean(3.5, 5));
        assertThat(Coarse.mean(List.of(3, 3, 3, 3, 4))).isEqualTo(new Figure.Mean(3.0, 5));
        assertThat(Coarse.mean(List.of(3, 3, 3, 3, 3, 3, 3, 3, 3, 4))).isEqualTo(new Figure.Mean(3.1, 10));
    }

    @Test
    void aMeanOnTheAnswerScaleStaysOffItsEnds() {
        assertThat(Coarse.mean(List.of(5, 5, 5, 5, 5))).isEqualTo(new Figure.Mean(4.5, 5));
        assertThat(Coarse.mean(List.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 1))).isEqualTo(new Figure.Mean(1.2, 10));
        assertThat(Coarse.mean(List.of(0, 0, 0, 0, 0))).as("not on the answer scale").isEqualTo(new Figure.Mean(0, 5));
    }

    @Test
    void theMedianOfAnEvenNumberIsBetweenTheMiddleTwo() {
        assertThat(Coarse.median(List.of(30, 10, 20))).isEqualTo(new Figure.Median(20, 3));
        assertThat(Coarse.median(List.of(40, 10, 20, 30))).isEqualTo(new Figure.Median(25, 4));
    }
}
