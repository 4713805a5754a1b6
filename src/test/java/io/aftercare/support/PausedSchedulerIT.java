package io.aftercare.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

import com.github.kagkarlsson.scheduler.Scheduler;

/**
 * A test application Spring keeps for later ({@link PausedScheduler}) stops looking for due jobs while it waits, and
 * looks again once it is used: what Spring does to a cached context when the next test class needs another one.
 */
@AftercareIT
class PausedSchedulerIT {

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    Scheduler scheduler;

    @Test
    void aCachedApplicationsSchedulerIsPausedWithItAndResumedWhenItIsUsedAgain() {
        assertThat(scheduler.getSchedulerState().isStarted()).isTrue();
        assertThat(scheduler.getSchedulerState().isPaused()).as("in use").isFalse();

        context.pause();
        try {
            assertThat(scheduler.getSchedulerState().isPaused()).as("waiting in the cache").isTrue();
        } finally {
            context.restart();
        }

        assertThat(scheduler.getSchedulerState().isPaused()).as("used again").isFalse();
        assertThat(scheduler.getSchedulerState().isShuttingDown()).isFalse();
    }
}
