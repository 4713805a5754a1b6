package io.aftercare.intake.delivery;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.aftercare.intake.integration.Integration;
import io.aftercare.intake.integration.Integrations;
import io.aftercare.intake.source.InvalidPayloadException;
import io.aftercare.intake.source.SourceEvent;
import io.aftercare.shared.DomainException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Applies stored webhook deliveries (outcome {@code QUEUED}) to the incidents module, oldest first, off the sender's
 * clock (decision 0011). One thread per instance takes up to {@value #BATCH} at a time in one transaction, so a burst
 * costs one commit per batch rather than one per event; it is woken when a delivery is stored and otherwise looks
 * every second, which also finds deliveries that another instance stored or that were stored just before a crash.
 *
 * <p>When anything in a batch fails, the batch is rolled back (events and all) and its deliveries are applied one
 * per transaction: a delivery the incidents module refuses is logged as invalid with its reason, and one that keeps
 * failing for another reason is given up on after {@value #MAX_ATTEMPTS} tries, so one bad delivery never holds up
 * the rest. On PostgreSQL several instances share the queue ({@code FOR UPDATE SKIP LOCKED}).
 */
@Component
class DeliveryApplier extends BackgroundThread {

    private static final Logger log = LoggerFactory.getLogger(DeliveryApplier.class);

    static final int BATCH = 100;
    static final int MAX_ATTEMPTS = 5;
    static final long POLL_MILLIS = 1000;

    private final DeliveryRepository repository;
    private final EventApplier applier;
    private final Integrations integrations;
    private final TransactionTemplate tx;
    private final DataSource dataSource;
    private final Semaphore signal = new Semaphore(0);
    private boolean shared;

    DeliveryApplier(DeliveryRepository repository, EventApplier applier, Integrations integrations,
                    PlatformTransactionManager transactions, DataSource dataSource, MeterRegistry meters) {
        // starts before the writer and the web server, and stops after them
        super("intake-applier", SmartLifecycle.DEFAULT_PHASE - 8192, Duration.ofSeconds(10));
        this.repository = repository;
        this.applier = applier;
        this.integrations = integrations;
        this.tx = new TransactionTemplate(transactions);
        this.dataSource = dataSource;
        Gauge.builder("aftercare.intake.queued", repository, DeliveryRepository::queued)
            .description("Webhook deliveries stored and not applied yet").register(meters);
    }

    /** A delivery was stored: apply it now rather than at the next look. */
    void wake() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    @Override
    protected void starting() {
        shared = postgres();
    }

    @Override
    protected void stopping() {
        signal.release();
    }

    @Override
    protected void loop() {
        while (running()) {
            int applied;
            try {
                applied = applyBatch();
            } catch (RuntimeException e) {
                log.warn("Could not apply stored webhook deliveries; trying again shortly: {}", e.toString());
                applied = 0;
            }
            if (applied < BATCH) {
                try {
                    signal.tryAcquire(POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                signal.drainPermits();
            }
        }
    }

    /** @return how many deliveries were taken */
    int applyBatch() {
        try {
            return tx.execute(s -> {
                List<DeliveryRepository.Queued> batch = repository.nextQueued(BATCH, shared);
                repository.settleAll(batch.stream().map(this::apply).toList());
                return batch.size();
            });
        } catch (CannotCreateTransactionException e) {
            throw e;
        } catch (RuntimeException e) {
            // something in the batch failed and all of it was rolled back: one at a time, so the others go on
            List<UUID> ids = tx.execute(s -> repository.nextQueued(BATCH, shared).stream()
                .map(DeliveryRepository.Queued::id).toList());
            ids.forEach(this::applyAlone);
            return ids.size();
        }
    }

    private void applyAlone(UUID id) {
        try {
            tx.executeWithoutResult(s -> repository.nextQueued(id, shared)
                .ifPresent(q -> repository.settleAll(List.of(apply(q)))));
        } catch (DomainException refused) {
            // the incidents module refused what the event said: nothing of it was kept, and the log says why
            tx.executeWithoutResult(s -> repository.settle(id, Outcome.INVALID, null, refused.getMessage()));
        } catch (CannotCreateTransactionException e) {
            throw e;
        } catch (RuntimeException e) {
            Optional<Integer> attempts = tx.execute(s -> repository.nextQueued(id, shared).map(q -> {
                repository.attemptFailed(id);
                if (q.attempts() + 1 >= MAX_ATTEMPTS) {
                    repository.settle(id, Outcome.INVALID, null,
                        "Could not be applied after " + MAX_ATTEMPTS + " tries; see the server log.");
                }
                return q.attempts() + 1;
            }));
            log.warn("Webhook delivery {} could not be applied (try {} of {}): {}", id, attempts.orElse(0),
                MAX_ATTEMPTS, e.toString());
        }
    }

    /** In the caller's transaction: applies the delivery and says how it ended, for the caller to settle it. */
    private DeliveryRepository.Settled apply(DeliveryRepository.Queued q) {
        Optional<Integration> integration = q.integrationId() == null ? Optional.empty()
            : integrations.receiver(q.integrationId()).map(Integrations.Receiver::integration);
        if (integration.isEmpty() || q.payload() == null) {
            return new DeliveryRepository.Settled(q.id(), Outcome.INVALID, null, "Its integration no longer exists.");
        }
        SourceEvent event;
        try {
            event = Parsers.of(integration.get()).apply(q.payload().getBytes(StandardCharsets.UTF_8));
        } catch (InvalidPayloadException e) {
            return new DeliveryRepository.Settled(q.id(), Outcome.INVALID, null, e.getMessage());
        }
        UUID incident = applier.apply(integration.get().type().slug(), event, null);
        return new DeliveryRepository.Settled(q.id(), Outcome.ACCEPTED, incident, null);
    }

    private boolean postgres() {
        try (Connection c = dataSource.getConnection()) {
            return "PostgreSQL".equalsIgnoreCase(c.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            return false;
        }
    }
}
