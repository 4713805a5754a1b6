package io.aftercare;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import io.aftercare.shared.DbTime;

/**
 * Event publications stuck: how many have been incomplete for longer than {@code aftercare.events.stale-after}, and
 * how long the oldest of them has waited. Only stale ones: publications on their way for a moment are ordinary work
 * (and their number would follow what people do), stale ones are a listener failing or an instance gone. Counted
 * from the database every {@code aftercare.metrics.refresh}, so every instance shows the same figure: dashboards
 * take max(), not sum() (decision 0043).
 */
@Component
class EventPublicationMetrics {

    private static final Logger log = LoggerFactory.getLogger(EventPublicationMetrics.class);

    private final JdbcClient jdbc;
    private final EventPublicationResubmission.Properties properties;
    private final Clock clock;
    private final AtomicLong stale = new AtomicLong();
    private final AtomicLong oldestSeconds = new AtomicLong();

    EventPublicationMetrics(JdbcClient jdbc, EventPublicationResubmission.Properties properties, MeterRegistry meters,
                            Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        Gauge.builder("aftercare.events.stale", stale, AtomicLong::get)
            .description("Event publications incomplete for longer than aftercare.events.stale-after (database-wide)")
            .register(meters);
        Gauge.builder("aftercare.events.stale.oldest", oldestSeconds, AtomicLong::get).baseUnit("seconds")
            .description("How long the oldest stale event publication has waited (database-wide)")
            .register(meters);
    }

    @Scheduled(initialDelayString = "PT5S", fixedDelayString = "${aftercare.metrics.refresh:30s}")
    void refresh() {
        try {
            Instant now = clock.instant();
            Instant before = now.minus(properties.staleAfter());
            Instant oldest = jdbc.sql("""
                    SELECT MIN(publication_date) AS oldest FROM event_publication
                    WHERE completion_date IS NULL AND publication_date < ?""")
                .param(DbTime.toDb(before)).query((rs, n) -> DbTime.instant(rs, "oldest")).list().get(0);
            stale.set(oldest == null ? 0 : jdbc.sql(
                    "SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL AND publication_date < ?")
                .param(DbTime.toDb(before)).query(Long.class).single());
            oldestSeconds.set(oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toSeconds()));
        } catch (RuntimeException e) {
            log.debug("Could not count stale event publications: {}", e.toString());
        }
    }
}
