package io.aftercare.notify.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.aftercare.shared.DbTime;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The outbox's metrics, by channel, never by person or kind (decision 0043): messages overdue (due more than a
 * minute ago and still not sent: the worker is not taking them), how long the oldest of them has waited, dead letters
 * waiting for an admin, and tries that failed (retried, or given up as dead letters); outbound webhooks sent and
 * failed. Messages sent on the other channels are not counted: how many go out follows what people answered (a
 * reminder goes only to who has not answered, a supporter's message only when someone asked).
 *
 * <p>The gauges are read from the database every {@code aftercare.metrics.refresh}: every instance shows the same
 * figure, so dashboards take max(), not sum(). The counters are per instance: dashboards sum them.
 */
@Component
class NotifyMetrics {

    static final List<String> CHANNELS = List.of("EMAIL", "SLACK", "WEBHOOK");
    static final Duration OVERDUE_AFTER = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(NotifyMetrics.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<String, AtomicLong> overdue = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> dead = new ConcurrentHashMap<>();
    private final AtomicLong oldestOverdueSeconds = new AtomicLong();

    NotifyMetrics(JdbcClient jdbc, MeterRegistry meters, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.meters = meters;
        for (String channel : CHANNELS) {
            Gauge.builder("aftercare.notify.outbox.overdue", overdue.computeIfAbsent(channel, c -> new AtomicLong()),
                    AtomicLong::get).tag("channel", channel)
                .description("Messages due more than a minute ago and not sent yet (database-wide)").register(meters);
            Gauge.builder("aftercare.notify.dead.letters.waiting", dead.computeIfAbsent(channel, c -> new AtomicLong()),
                    AtomicLong::get).tag("channel", channel)
                .description("Dead letters waiting for an admin to retry them (database-wide)").register(meters);
            retries(channel);
            deadLetters(channel);
        }
        Gauge.builder("aftercare.notify.outbox.oldest.overdue", oldestOverdueSeconds, AtomicLong::get)
            .baseUnit("seconds").description("How long the oldest overdue message has waited (database-wide)")
            .register(meters);
        webhooks("sent");
        webhooks("failed");
    }

    private Counter retries(String channel) {
        return Counter.builder("aftercare.notify.retries").tag("channel", channel)
            .description("Tries that failed and will be tried again (this instance)").register(meters);
    }

    private Counter deadLetters(String channel) {
        return Counter.builder("aftercare.notify.dead.letters").tag("channel", channel)
            .description("Messages given up as dead letters (this instance)").register(meters);
    }

    private Counter webhooks(String outcome) {
        return Counter.builder("aftercare.webhooks.deliveries").tag("outcome", outcome)
            .description("Outbound webhook deliveries tried, by outcome (this instance)").register(meters);
    }

    void sent(String channel) {
        if ("WEBHOOK".equals(channel)) {
            webhooks("sent").increment();
        }
    }

    void failed(String channel, boolean deadLetter) {
        if (!CHANNELS.contains(channel)) {
            return;
        }
        (deadLetter ? deadLetters(channel) : retries(channel)).increment();
        if ("WEBHOOK".equals(channel)) {
            webhooks("failed").increment();
        }
    }

    @Scheduled(initialDelayString = "PT5S", fixedDelayString = "${aftercare.metrics.refresh:30s}")
    void refresh() {
        try {
            Instant now = clock.instant();
            Instant overdueBefore = now.minus(OVERDUE_AFTER);
            Map<String, Long> late = new ConcurrentHashMap<>();
            jdbc.sql("""
                    SELECT channel, COUNT(*) AS n FROM notify_message
                    WHERE status = 'PENDING' AND not_before < ? GROUP BY channel""")
                .param(DbTime.toDb(overdueBefore))
                .query((rs, n) -> late.put(rs.getString("channel"), rs.getLong("n"))).list();
            Map<String, Long> deadNow = new ConcurrentHashMap<>();
            jdbc.sql("SELECT channel, COUNT(*) AS n FROM notify_message WHERE status = 'DEAD' GROUP BY channel")
                .query((rs, n) -> deadNow.put(rs.getString("channel"), rs.getLong("n"))).list();
            for (String channel : CHANNELS) {
                overdue.get(channel).set(late.getOrDefault(channel, 0L));
                dead.get(channel).set(deadNow.getOrDefault(channel, 0L));
            }
            Instant oldest = jdbc.sql("""
                    SELECT MIN(not_before) AS oldest FROM notify_message
                    WHERE status = 'PENDING' AND not_before < ? AND channel <> 'INBOX'""")
                .param(DbTime.toDb(overdueBefore)).query((rs, n) -> DbTime.instant(rs, "oldest")).list().get(0);
            oldestOverdueSeconds.set(oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toSeconds()));
        } catch (RuntimeException e) {
            log.debug("Could not count the outbox: {}", e.toString());
        }
    }
}
