package io.aftercare.intake.delivery;

import java.time.Instant;
import java.util.UUID;

/** One line of the delivery log (the payload is kept, but not shown in lists). */
public record DeliveryView(UUID id, Instant receivedAt, Outcome outcome, String eventType, String externalId,
                           UUID incidentId, String detail) {
}
