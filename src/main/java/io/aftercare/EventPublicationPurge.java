package io.aftercare;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the event publication registry's completed publications a week after they completed. Spring Modulith keeps
 * them otherwise, each with its event serialized, for ever: a growing table, and events such as a check-in's
 * outreach wish (someone asked for a peer supporter) kept long after they were handled. Incomplete publications stay
 * until they are delivered. Idempotent, so several instances running it is harmless.
 */
@Component
class EventPublicationPurge {

    static final Duration KEEP_COMPLETED = Duration.ofDays(7);

    private static final Logger log = LoggerFactory.getLogger(EventPublicationPurge.class);

    private final CompletedEventPublications completed;

    EventPublicationPurge(CompletedEventPublications completed) {
        this.completed = completed;
    }

    @Scheduled(initialDelayString = "PT2M", fixedDelayString = "PT1H")
    void purge() {
        try {
            completed.deletePublicationsOlderThan(KEEP_COMPLETED);
        } catch (RuntimeException e) {
            log.warn("Could not delete completed event publications: {}", e.toString());
        }
    }
}
