package io.aftercare.intake.delivery;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.aftercare.intake.integration.IntakeProperties;

/**
 * Deletes deliveries, raw payloads included, once they are older than {@code aftercare.intake.payload-retention}.
 * Idempotent, so several instances running it is harmless.
 */
@Component
class DeliveryPurge {

    private static final Logger log = LoggerFactory.getLogger(DeliveryPurge.class);

    private final Deliveries deliveries;
    private final IntakeProperties properties;
    private final Clock clock;

    DeliveryPurge(Deliveries deliveries, IntakeProperties properties, Clock clock) {
        this.deliveries = deliveries;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    void purge() {
        try {
            int removed = deliveries.purge(clock.instant().minus(properties.payloadRetention()));
            if (removed > 0) {
                log.info("Removed {} webhook deliveries older than {}", removed, properties.payloadRetention());
            }
        } catch (RuntimeException e) {
            log.warn("Could not purge old webhook deliveries: {}", e.toString());
        }
    }
}
