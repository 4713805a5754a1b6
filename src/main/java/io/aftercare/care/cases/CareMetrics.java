package io.aftercare.care.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.aftercare.shared.DbTime;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Care's metrics, never about a person and never following anyone's answers (decision 0043): cases that resolved
 * incidents opened (a case someone opened for themselves is their own choice, so it is not counted; the same rule
 * as for webhooks, decision 0010), and how late the oldest due check-in or follow-up is in being taken up by the
 * scheduler. Answers, reminders (sent only to who has not answered) and closed cases are left out on purpose.
 *
 * <p>The lag is read from the database every {@code aftercare.metrics.refresh}: every instance shows the same
 * figure, so dashboards take max(), not sum().
 */
@Component
class CareMetrics {

    private static final Logger log = LoggerFactory.getLogger(CareMetrics.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Counter opened;
    private final AtomicLong lagSeconds = new AtomicLong();

    CareMetrics(JdbcClient jdbc, MeterRegistry meters, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.opened = Counter.builder("aftercare.care.cases.opened")
            .description("Care cases opened because an incident resolved (this instance)").register(meters);
        Gauge.builder("aftercare.care.steps.lag", lagSeconds, AtomicLong::get).baseUnit("seconds")
            .description("How late the oldest due check-in or follow-up is in being taken up (database-wide)")
            .register(meters);
    }

    /** Counts cases an incident opened, once the transaction that opened them has committed. */
    void opened(int cases) {
        if (cases <= 0) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    opened.increment(cases);
                }
            });
        } else {
            opened.increment(cases);
        }
    }

    @Scheduled(initialDelayString = "PT5S", fixedDelayString = "${aftercare.metrics.refresh:30s}")
    void refresh() {
        try {
            Instant now = clock.instant();
            Instant oldest = jdbc.sql("""
                    SELECT MIN(execution_time) AS oldest FROM scheduled_tasks
                    WHERE task_name = ? AND picked = FALSE AND execution_time <= ?""")
                .params(CareScheduling.STEP_DUE.getTaskName(), DbTime.toDb(now))
                .query((rs, n) -> DbTime.instant(rs, "oldest")).list().get(0);
            lagSeconds.set(oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toSeconds()));
        } catch (RuntimeException e) {
            log.debug("Could not read the care scheduler's lag: {}", e.toString());
        }
    }
}
