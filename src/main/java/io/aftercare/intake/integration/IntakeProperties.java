package io.aftercare.intake.integration;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code aftercare.intake.*}.
 *
 * @param payloadRetention how long deliveries (with their raw payloads) are kept for the delivery log
 * @param secretOverlap    how long a rotated-out secret is still accepted
 * @param keyFile          the Tink keyset that encrypts integration secrets at rest; created on first use
 */
@ConfigurationProperties("aftercare.intake")
public record IntakeProperties(Duration payloadRetention, Duration secretOverlap, String keyFile) {

    public IntakeProperties {
        payloadRetention = payloadRetention == null ? Duration.ofDays(14) : payloadRetention;
        secretOverlap = secretOverlap == null ? Duration.ofHours(24) : secretOverlap;
        keyFile = keyFile == null || keyFile.isBlank() ? "./data/intake-secrets-key.json" : keyFile;
    }
}
