package io.aftercare.intake.integration;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code aftercare.intake.*}.
 *
 * @param payloadRetention how long deliveries (with their raw payloads) are kept for the delivery log
 * @param secretOverlap    how long a rotated-out secret is still accepted
 * @param keyFile          the Tink keyset that encrypts integration secrets at rest; created on first use
 * @param applyThreads     how many threads per instance apply stored deliveries; 0 (the default) means 2 on
 *                         PostgreSQL, whose round trips they overlap, and 1 on H2
 */
@ConfigurationProperties("aftercare.intake")
public record IntakeProperties(Duration payloadRetention, Duration secretOverlap, String keyFile, int applyThreads) {

    public IntakeProperties {
        payloadRetention = payloadRetention == null ? Duration.ofDays(14) : payloadRetention;
        secretOverlap = secretOverlap == null ? Duration.ofHours(24) : secretOverlap;
        keyFile = keyFile == null || keyFile.isBlank() ? "./data/intake-secrets-key.json" : keyFile;
        if (applyThreads < 0 || applyThreads > 16) {
            throw new IllegalArgumentException("aftercare.intake.apply-threads must be between 0 (automatic) and 16");
        }
    }
}
