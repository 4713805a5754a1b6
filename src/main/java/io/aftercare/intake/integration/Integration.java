package io.aftercare.intake.integration;

import java.time.Instant;
import java.util.UUID;

/**
 * An integration as pages and the API show it: never its secret.
 *
 * @param teamLabel          Alertmanager only: the label naming the team ({@code null}: {@code team})
 * @param previousValidUntil until when the secret before the last rotation is still accepted, if it is
 */
public record Integration(UUID id, IntegrationType type, String name, String teamLabel, Instant createdAt,
                          Instant secretRotatedAt, Instant previousValidUntil) {
}
