package io.aftercare.notify.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code aftercare.notify.*}.
 *
 * @param dailyCap       outward messages per person per local day; more wait for the next day
 * @param maxAttempts    tries per outward message before it becomes a dead letter
 * @param initialBackoff wait after the first failure; doubled after each further one
 * @param maxBackoff     the longest wait between two tries
 * @param pollInterval   how often the delivery worker looks for due messages
 * @param batchSize      messages one worker run sends at most
 * @param claimFor       how long a claimed message is reserved for the instance that claimed it
 * @param mailFrom       the sender of e-mails
 * @param parallelSends  how many messages one worker run sends at the same time
 */
@ConfigurationProperties("aftercare.notify")
public record NotifyProperties(@DefaultValue("2") int dailyCap, @DefaultValue("8") int maxAttempts,
                               @DefaultValue("30s") Duration initialBackoff, @DefaultValue("6h") Duration maxBackoff,
                               @DefaultValue("5s") Duration pollInterval, @DefaultValue("100") int batchSize,
                               @DefaultValue("2m") Duration claimFor,
                               @DefaultValue("Aftercare <aftercare@localhost>") String mailFrom,
                               @DefaultValue("4") int parallelSends) {
}
