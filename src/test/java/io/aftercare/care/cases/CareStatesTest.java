package io.aftercare.care.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The guards on care's states: how far a reopened case goes back, and what a one-click answer leaves behind. */
class CareStatesTest {

    @Test
    void aReopenedCaseGoesBackAsFarAsItHadCome() {
        assertThat(CaseStage.reopened(true, true)).isEqualTo(CaseStage.FOLLOWING_UP);
        assertThat(CaseStage.reopened(true, false)).isEqualTo(CaseStage.FOLLOWING_UP);
        assertThat(CaseStage.reopened(false, true)).isEqualTo(CaseStage.CHECKED_IN);
        assertThat(CaseStage.reopened(false, false)).isEqualTo(CaseStage.OPENED);
        assertThat(CaseStage.reopened(false, false).open()).isTrue();
        assertThat(CaseStage.CLOSED.open()).isFalse();
    }

    @Test
    void onlyAnAnswerOrImFineCountsAsCheckedIn() {
        assertThat(StepStatus.of(Answers.QuickResponse.NOT_NOW)).isEqualTo(StepStatus.NOT_NOW);
        assertThat(StepStatus.of(Answers.QuickResponse.FINE)).isEqualTo(StepStatus.FINE);
        assertThat(java.util.Arrays.stream(StepStatus.values()).filter(StepStatus::checkedIn))
            .containsExactlyInAnyOrder(StepStatus.ANSWERED, StepStatus.FINE);
    }
}
