package io.aftercare.intake.integration;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code aftercare.intake.*}.
 *
 * @param payloadRetention how long deliveries (with their raw payloads) are kept for the delivery log
 * @param secretOverlap    how long a rotated-out secret is still accepted
 * @param keyFile          the Tink keyset that encrypts integration secrets at rest; created on first use
 * @param applierThreads   on PostgreSQL, how many threads of each instance apply stored deliveries, each its own
 *                         share of the queue's partitions (decision 0052); H2 always uses one
 * @param applyGather      once a stored delivery wakes the applier, how long it lets more gather before it applies
 *                         them, in one transaction (decision 0058)
 */
@ConfigurationProperties("aftercare.intake")
public record IntakeProperties(Duration payloadRetention, Duration secretOverlap, String keyFile,
                               Integer applierThreads, Duration applyGather) {

    public IntakeProperties {
        payloadRetention = payloadRetention == null ? Duration.ofDays(14) : payloadRetention;
        secretOverlap = secretOverlap == null ? Duration.ofHours(24) : secretOverlap;
        keyFile = keyFile == null || keyFile.isBlank() ? "./data/intake-secrets-key.json" : keyFile;
        applierThreads = applierThreads == null ? 4 : applierThreads;
        applyGather = applyGather == null || applyGather.isNegative() ? Duration.ofMillis(100) : applyGather;
    }
}
