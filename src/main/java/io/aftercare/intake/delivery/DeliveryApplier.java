package io.aftercare.intake.delivery;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.aftercare.intake.integration.IntakeProperties;
import io.aftercare.intake.integration.Integration;
import io.aftercare.intake.integration.Integrations;
import io.aftercare.intake.source.InvalidPayloadException;
import io.aftercare.intake.source.SourceEvent;
import io.aftercare.shared.BrokenIndexRepair;
import io.aftercare.shared.DomainException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Applies stored webhook deliveries (outcome {@code QUEUED}) to the incidents module, off the sender's clock (decision
 * 0011). Each thread takes up to {@value #BATCH} at a time in one transaction, so a burst costs one commit per batch
 * rather than one per event; the threads are woken when a delivery is stored and otherwise look every second, which
 * also finds deliveries that another instance stored or that were stored just before a crash. Once woken, a thread
 * waits {@code aftercare.intake.apply-gather} (100 ms) for more deliveries to be stored before it takes them
 * (decision 0058): under a burst one transaction then applies the deliveries of many of the writer's commits, where
 * each commit had set off a transaction of its own (and, on PostgreSQL, a look into every partition of each thread).
 *
 * <p>On PostgreSQL the queue is split into {@value DeliveryRepository#PARTITIONS} partitions by incident (decision
 * 0052) and {@code aftercare.intake.applier-threads} threads apply it, thread {@code i} the partitions {@code p} with
 * {@code p mod threads = i}, all of them in one transaction (decision 0058). A thread applies a partition only while
 * its transaction holds that partition's advisory lock, so one partition is applied by one thread at a time across all
 * instances, oldest first: deliveries about one incident are applied in the order they were stored, and different
 * incidents' at the same time. On H2 (a single
 * instance) one thread applies the whole queue oldest first, reading it without locks.
 *
 * <p>When anything in a batch fails, the batch is rolled back (events and all) and its deliveries are applied one
 * per transaction: a delivery the incidents module refuses is logged as invalid with its reason, and one that keeps
 * failing for another reason is given up on after {@value #MAX_ATTEMPTS} tries, so one bad delivery never holds up
 * the rest. On H2, a failure that is an index a crash left out of step with its table has that table's indexes
 * rebuilt ({@link BrokenIndexRepair}, decision 0076) and the batch is taken again at the next round.
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
    private final BrokenIndexRepair brokenIndexes;
    private final int configuredThreads;
    private final long gatherMillis;
    private final DistributionSummary batchSizes;
    private final Counter incomplete;
    private volatile Semaphore[] signals = {new Semaphore(0)};
    private boolean shared;

    DeliveryApplier(DeliveryRepository repository, EventApplier applier, Integrations integrations,
                    PlatformTransactionManager transactions, DataSource dataSource, BrokenIndexRepair brokenIndexes,
                    MeterRegistry meters, IntakeProperties properties) {
        // starts before the writer and the web server, and stops after them
        super("intake-applier", SmartLifecycle.DEFAULT_PHASE - 8192, Duration.ofSeconds(10));
        this.repository = repository;
        this.applier = applier;
        this.integrations = integrations;
        this.tx = new TransactionTemplate(transactions);
        this.dataSource = dataSource;
        this.brokenIndexes = brokenIndexes;
        this.configuredThreads = Math.min(DeliveryRepository.PARTITIONS, Math.max(1, properties.applierThreads()));
        this.gatherMillis = properties.applyGather().toMillis();
        Gauge.builder("aftercare.intake.queued", repository, DeliveryRepository::queued)
            .description("Webhook deliveries stored and not applied yet").register(meters);
        this.batchSizes = DistributionSummary.builder("aftercare.intake.applied.batch")
            .description("Webhook deliveries applied by one commit").register(meters);
        this.incomplete = Counter.builder("aftercare.intake.incomplete")
            .description("Webhook deliveries found stored without their content, after a crash (decision 0071)")
            .register(meters);
    }

    /** A delivery was stored: apply it now rather than at the next look. */
    void wake() {
        for (Semaphore signal : signals) {
            if (signal.availablePermits() == 0) {
                signal.release();
            }
        }
    }

    @Override
    protected void starting() {
        shared = postgres();
        Semaphore[] made = new Semaphore[threads()];
        for (int i = 0; i < made.length; i++) {
            made[i] = new Semaphore(0);
        }
        signals = made;
    }

    /** Whether the queue may be shared by several instances (PostgreSQL); known once started. */
    boolean sharedQueue() {
        return shared;
    }

    /** As configured on PostgreSQL; one on H2, whose single instance has one writer of its file anyway. */
    @Override
    protected int threads() {
        return shared ? configuredThreads : 1;
    }

    @Override
    protected void stopping() {
        for (Semaphore signal : signals) {
            signal.release();
        }
    }

    @Override
    protected void loop(int worker) {
        Semaphore signal = signals[worker];
        int threads = signals.length;
        while (running()) {
            boolean full = false;
            try {
                full = applyBatch(shared ? partitions(worker, threads) : List.of()) >= BATCH;
            } catch (RuntimeException e) {
                if (!brokenIndexes.repaired(e)) {
                    // with the deepest cause: H2 reports some failures by what it did last ("Timeout trying to lock
                    // table") and says why only in a cause (decision 0076)
                    log.warn("Could not apply stored webhook deliveries; trying again shortly: {} (cause: {})",
                        e.toString(), NestedExceptionUtils.getMostSpecificCause(e).getMessage());
                }
            }
            if (!full) {
                try {
                    if (signal.tryAcquire(POLL_MILLIS, TimeUnit.MILLISECONDS) && running() && gatherMillis > 0) {
                        // woken by a commit of the writer: the deliveries of its next commits join them, so that a
                        // burst is applied many to a transaction, not one transaction per commit of the writer
                        Thread.sleep(gatherMillis);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                signal.drainPermits();
            }
        }
    }

    /** The partitions {@code p} with {@code p mod threads = worker}. */
    static List<Integer> partitions(int worker, int threads) {
        List<Integer> mine = new ArrayList<>();
        for (int p = worker; p < DeliveryRepository.PARTITIONS; p += threads) {
            mine.add(p);
        }
        return mine;
    }

    /**
     * Applies the oldest queued deliveries of the given partitions that no other thread holds (PostgreSQL), or of the
     * whole queue (none given, H2), in one transaction.
     *
     * @return how many deliveries were taken
     */
    int applyBatch(List<Integer> partitions) {
        try {
            int taken = tx.execute(s -> {
                List<DeliveryRepository.Queued> batch = next(partitions, BATCH);
                repository.settleAll(batch.stream().map(this::apply).toList());
                return batch.size();
            });
            if (taken > 0) {
                batchSizes.record(taken);
            }
            return taken;
        } catch (CannotCreateTransactionException e) {
            throw e;
        } catch (RuntimeException e) {
            if (brokenIndexes.repaired(e)) {
                return 0; // a crash had left an H2 index out of step with its table: tried again at the next round
            }
            // something in the batch failed and all of it was rolled back: one at a time, so the others go on
            List<DeliveryRepository.Queued> failed = tx.execute(s -> next(partitions, BATCH));
            failed.forEach(q -> applyAlone(q.id(), shared ? q.partition() : -1));
            return failed.size();
        }
    }

    /**
     * In the caller's transaction: the next deliveries to apply, of the partitions whose lock it could take (all of
     * the queue on H2, where none are given).
     */
    private List<DeliveryRepository.Queued> next(List<Integer> partitions, int limit) {
        if (partitions.isEmpty()) {
            return repository.nextQueued(limit, shared);
        }
        List<Integer> held = partitions.stream().filter(repository::lockPartition).toList();
        return held.isEmpty() ? List.of() : repository.nextQueued(held, limit);
    }

    /** In the caller's transaction: the delivery if still queued and, on PostgreSQL, its partition is this one's. */
    private Optional<DeliveryRepository.Queued> queued(UUID id, int partition) {
        if (partition >= 0 && !repository.lockPartition(partition)) {
            return Optional.empty();
        }
        return repository.nextQueued(id, shared);
    }

    private void applyAlone(UUID id, int partition) {
        try {
            tx.executeWithoutResult(s -> queued(id, partition)
                .ifPresent(q -> repository.settleAll(List.of(apply(q)))));
        } catch (DomainException refused) {
            // the incidents module refused what the event said: nothing of it was kept, and the log says why
            tx.executeWithoutResult(s -> queued(id, partition).ifPresent(q ->
                repository.settle(id, Outcome.INVALID, null, refused.getMessage())));
        } catch (CannotCreateTransactionException e) {
            throw e;
        } catch (RuntimeException e) {
            Optional<Integer> attempts = tx.execute(s -> queued(id, partition).map(q -> {
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
        if (integration.isEmpty()) {
            return new DeliveryRepository.Settled(q.id(), Outcome.INVALID, null, "Its integration no longer exists.");
        }
        if (q.payload() == null) {
            // left by a commit that a crash cut short (decision 0071): never answered 2xx, so the sender sends it
            // again, and that redelivery is stored in its place
            log.warn("Webhook delivery {} was stored without its content; its sender's next try will replace it",
                q.id());
            incomplete.increment();
            return new DeliveryRepository.Settled(q.id(), Outcome.INVALID, null,
                "Its content was not stored: Aftercare stopped while storing it. The sender's next try is stored.");
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
