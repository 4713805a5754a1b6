package io.aftercare.intake.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.aftercare.intake.source.InvalidPayloadException;
import io.aftercare.intake.source.SourceEvent;
import io.aftercare.shared.DomainException;
import io.aftercare.shared.Sha256;
import io.aftercare.shared.TimeOrderedIds;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Receives a verified delivery. A webhook's is stored first and applied afterwards from the stored row
 * ({@link #accept}); an events-API request is deduplicated, applied through the incidents module and logged in one
 * transaction ({@link #receive}), so that its answer can name the incident. Either way a 2xx is answered only once
 * the delivery is committed; a sender whose delivery was not committed gets an error and retries.
 */
@Service
public class Deliveries {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

    /** At most one delivery-log line per integration per this long for rejected signatures (a flood adds no rows). */
    static final long REJECTED_LINE_EVERY_SECONDS = 60;

    private final DeliveryRepository repository;
    private final EventApplier applier;
    private final DeliveryWriter writer;
    private final TransactionTemplate tx;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<String, Instant> lastRejectedLine = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    Deliveries(DeliveryRepository repository, EventApplier applier, DeliveryWriter writer,
               PlatformTransactionManager transactions, MeterRegistry meters, Clock clock) {
        this.repository = repository;
        this.applier = applier;
        this.writer = writer;
        this.tx = new TransactionTemplate(transactions);
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Where a delivery came from.
     *
     * @param id            the dedupe scope: the integration id, or {@code api}
     * @param integrationId {@code null} for the events API
     * @param source        the incidents' source name ({@code pagerduty}, …)
     * @param actorId       who sent it when a person's token did (events API), else {@code null}
     */
    public record Channel(String id, UUID integrationId, String source, UUID actorId) {
    }

    /** What to answer. {@code detail} is safe to show the sender. */
    public record Result(int status, Outcome outcome, String detail, String field, UUID deliveryId, UUID incidentId) {
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * @param eventId the sender's event id from a header, if it sends one
     * @param parser  the source's parser; throws only {@link InvalidPayloadException}
     */
    public Result receive(Channel channel, byte[] body, String eventId, Function<byte[], SourceEvent> parser) {
        Result result;
        try {
            result = tx.execute(s -> process(channel, body, eventId, parser));
        } catch (DataIntegrityViolationException raced) {
            // another delivery of the same event committed first: this one is now its duplicate
            result = tx.execute(s -> process(channel, body, eventId, parser));
        } catch (DomainException refused) {
            // the incidents module refused what the event said; nothing of it was kept, but the log says why
            String detail = refused.getMessage();
            result = tx.execute(s -> log(channel, Outcome.INVALID, null, null, null, detail, body, 400, null));
        }
        count(channel, result.outcome());
        return result;
    }

    /**
     * Stores a verified webhook delivery and answers without applying it: an incident event is stored {@code QUEUED}
     * (by {@link DeliveryWriter}, returning once committed) and {@link DeliveryApplier} applies it from the stored row
     * (decision 0011); a test event or an unused event type is stored as what it is. A payload the parser cannot read
     * is logged as invalid (400), a redelivery as a duplicate.
     *
     * @param eventId the sender's event id from a header, if it sends one
     * @param parser  the source's parser; throws only {@link InvalidPayloadException}
     */
    public Result accept(Channel channel, byte[] body, String eventId, Function<byte[], SourceEvent> parser) {
        SourceEvent event;
        try {
            event = parser.apply(body);
        } catch (InvalidPayloadException e) {
            Result invalid = log(channel, Outcome.INVALID, null, null, null, e.getMessage(), body, 400, null);
            count(channel, Outcome.INVALID);
            return invalid;
        }
        Outcome outcome = switch (event.kind()) {
            case PING -> Outcome.ACCEPTED;
            case IGNORED -> Outcome.IGNORED_EVENT_TYPE;
            case INCIDENT -> Outcome.QUEUED;
        };
        UUID id = TimeOrderedIds.next();
        Result result;
        if (writer.storeFirst(new DeliveryRepository.Row(id, channel.id(), channel.integrationId(), now(), outcome,
            event.eventType(), dedupeKey(eventId != null ? eventId : event.eventId(), body), event.externalId(), null,
            null, payload(body)))) {
            result = new Result(outcome == Outcome.QUEUED ? 202 : 200, outcome, null, null, id, null);
        } else {
            result = log(channel, Outcome.DUPLICATE, event, null, null, null, null, 200, null);
        }
        count(channel, result.outcome());
        return result;
    }

    /** Logs a delivery that was refused before parsing (wrong content type) as invalid. */
    public Result invalid(Channel channel, byte[] body, String detail) {
        Result result = tx.execute(s -> log(channel, Outcome.INVALID, null, null, null, detail, body, 415, null));
        count(channel, Outcome.INVALID);
        return result;
    }

    /**
     * A delivery whose signature or token did not match: counted, one log line without the body, and at most one
     * delivery-log line per integration a minute. Never the payload, never the secret.
     */
    public void rejected(String source, UUID integrationId, String reason) {
        meters.counter("aftercare.intake.rejected", "source", source).increment();
        log.warn("Rejected a {} delivery for integration {}: {}", source, integrationId, reason);
        if (integrationId == null) {
            return;
        }
        Instant now = now();
        String key = integrationId.toString();
        Instant last = lastRejectedLine.get(key);
        if (last != null && last.plusSeconds(REJECTED_LINE_EVERY_SECONDS).isAfter(now)) {
            return;
        }
        lastRejectedLine.put(key, now);
        try {
            tx.executeWithoutResult(s -> repository.insert(new DeliveryRepository.Row(TimeOrderedIds.next(), key,
                integrationId, now, Outcome.REJECTED_SIGNATURE, null, null, null, null, reason, null)));
        } catch (RuntimeException e) {
            log.warn("Could not add the rejected delivery to the log: {}", e.toString());
        }
    }

    private void count(Channel channel, Outcome outcome) {
        // looked up once per source and outcome: building and registering the meter's id on every delivery was a
        // visible share of a webhook request's own work
        counters.computeIfAbsent(channel.source() + '\u0000' + outcome.name(), k -> Counter
            .builder("aftercare.intake.deliveries").tag("source", channel.source()).tag("outcome", outcome.name())
            .register(meters)).increment();
    }

    private Result process(Channel channel, byte[] body, String headerEventId, Function<byte[], SourceEvent> parser) {
        SourceEvent event;
        try {
            event = parser.apply(body);
        } catch (InvalidPayloadException e) {
            String field = e instanceof io.aftercare.intake.source.GenericEventParser.Invalid g ? g.field() : null;
            return log(channel, Outcome.INVALID, null, null, null, e.getMessage(), body, 400, field);
        }
        String key = dedupeKey(headerEventId != null ? headerEventId : event.eventId(), body);
        if (repository.seen(channel.id(), key)) {
            return log(channel, Outcome.DUPLICATE, event, null, null, null, null, 200, null);
        }
        return switch (event.kind()) {
            case PING -> log(channel, Outcome.ACCEPTED, event, key, null, null, body, 200, null);
            case IGNORED -> log(channel, Outcome.IGNORED_EVENT_TYPE, event, key, null, null, body, 200, null);
            case INCIDENT -> {
                UUID incident = applier.apply(channel.source(), event, channel.actorId());
                yield log(channel, Outcome.ACCEPTED, event, key, incident, null, body, 200, null);
            }
        };
    }

    private Result log(Channel channel, Outcome outcome, SourceEvent event, String dedupeKey, UUID incidentId,
                       String detail, byte[] body, int status, String field) {
        UUID id = TimeOrderedIds.next();
        repository.insert(new DeliveryRepository.Row(id, channel.id(), channel.integrationId(), now(), outcome,
            event == null ? null : event.eventType(), dedupeKey, event == null ? null : event.externalId(),
            incidentId, detail, body == null ? null : payload(body)));
        return new Result(status, outcome, detail, field, id, incidentId);
    }

    /** The body as text for the log; NUL cannot be stored in PostgreSQL text, so it is replaced. */
    private static String payload(byte[] body) {
        return new String(body, StandardCharsets.UTF_8).replace('\u0000', '\uFFFD');
    }

    /** The sender's event id, or the body's SHA-256 where it has none (or one too long to keep). */
    static String dedupeKey(String eventId, byte[] body) {
        if (eventId != null && !eventId.isBlank() && eventId.length() <= 190) {
            return "id:" + eventId.trim();
        }
        return "sha256:" + HexFormat.of().formatHex(Sha256.of(eventId == null || eventId.isBlank() ? body
            : eventId.getBytes(StandardCharsets.UTF_8)));
    }

    public List<DeliveryView> recent(UUID integrationId, int limit) {
        return repository.recent(integrationId, limit);
    }

    /** Deletes deliveries older than the retention. */
    int purge(Instant before) {
        return tx.execute(s -> repository.purge(before));
    }
}
