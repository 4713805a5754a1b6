package io.aftercare.intake.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Stores webhook deliveries for the requests that received them, many to a transaction: each request hands its row
 * over and waits until the transaction holding it is committed, so its 2xx still means "durably stored", while a
 * burst of deliveries costs one commit (and one disk write) per batch instead of one per request. One thread per
 * instance does the writing; with H2 that also keeps the many request threads from each keeping a large direct
 * buffer for the database file's writes.
 *
 * <p>A request gets {@link NotStored} (answered 503, so that the sender retries) when the queue is full, when the
 * batch could not be committed, or when it was not committed within {@value #WAIT_SECONDS} s; a retry of a delivery
 * that was in fact stored is then a duplicate, never a second application. When a batch fails, its rows are tried
 * one by one, so one bad row (an integration removed meanwhile) does not fail the others.
 *
 * <p>On PostgreSQL two threads write, each on its own connection: while one waits for its commit to reach the disk,
 * the other gathers and inserts the next batch (decision 0052). On H2 one thread writes: H2 writes its file from the
 * committing thread, one commit at a time.
 */
@Component
class DeliveryWriter extends BackgroundThread {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWriter.class);

    static final int BATCH = 200;
    static final int QUEUE_LIMIT = 5_000;
    static final int WAIT_SECONDS = 10;

    /** The delivery was not stored; the sender should retry. */
    static final class NotStored extends TransientDataAccessException {
        NotStored(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private record Pending(DeliveryRepository.Row row, CompletableFuture<Boolean> stored) {
    }

    private final DeliveryRepository repository;
    private final DeliveryApplier applier;
    private final TransactionTemplate tx;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>(QUEUE_LIMIT);
    private final DistributionSummary batchSizes;

    DeliveryWriter(DeliveryRepository repository, DeliveryApplier applier, PlatformTransactionManager transactions,
                   MeterRegistry meters) {
        // stops after the web server has finished its requests (and before the applier), storing what it was handed
        super("intake-writer", SmartLifecycle.DEFAULT_PHASE - 4096, Duration.ofSeconds(WAIT_SECONDS));
        this.repository = repository;
        this.applier = applier;
        this.tx = new TransactionTemplate(transactions);
        this.batchSizes = DistributionSummary.builder("aftercare.intake.stored.batch")
            .description("Webhook deliveries stored by one commit").register(meters);
    }

    /**
     * Stores the first delivery of an event and returns once it is committed.
     *
     * @return false, and nothing stored, when its channel already has a delivery with the same dedupe key
     * @throws NotStored when it could not be stored (the caller answers 503)
     */
    boolean storeFirst(DeliveryRepository.Row row) {
        if (!running()) {
            throw new NotStored("Aftercare is stopping", null);
        }
        Pending pending = new Pending(row, new CompletableFuture<>());
        if (!queue.offer(pending)) {
            throw new NotStored("Too many deliveries are waiting to be stored", null);
        }
        try {
            return pending.stored().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new NotStored("The delivery could not be stored", e.getCause());
        } catch (TimeoutException e) {
            throw new NotStored("The delivery was not stored in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotStored("Interrupted while storing the delivery", e);
        }
    }

    @Override
    protected int threads() {
        return applier.sharedQueue() ? 2 : 1;
    }

    @Override
    protected void loop(int worker) {
        while (running() || !queue.isEmpty()) {
            Pending first;
            try {
                first = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (first == null) {
                continue;
            }
            List<Pending> batch = new ArrayList<>(BATCH);
            batch.add(first);
            queue.drainTo(batch, BATCH - 1);
            write(batch);
        }
        // stopped while interrupted: nobody may wait forever
        for (Pending left = queue.poll(); left != null; left = queue.poll()) {
            left.stored().completeExceptionally(new NotStored("Aftercare is stopping", null));
        }
    }

    private void write(List<Pending> batch) {
        try {
            boolean[] stored = tx.execute(s -> repository.insertFirst(batch.stream().map(Pending::row).toList()));
            batchSizes.record(batch.size());
            boolean queued = false;
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).stored().complete(stored[i]);
                queued |= stored[i] && batch.get(i).row().outcome() == Outcome.QUEUED;
            }
            if (queued) {
                applier.wake();
            }
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).stored().completeExceptionally(e);
                return;
            }
            log.debug("A batch of {} deliveries failed ({}); storing them one by one", batch.size(), e.toString());
            for (Pending p : batch) {
                write(List.of(p));
            }
        }
    }
}
