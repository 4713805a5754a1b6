package io.aftercare.notify.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import io.aftercare.directory.Directory;
import io.aftercare.directory.PersonRef;
import io.aftercare.shared.BrokenIndexRepair;

/**
 * Sends due outbox messages: a db-scheduler recurring task ({@code notify-deliver}, one run at a time across the
 * cluster), and every message is claimed row by row ({@code UPDATE … WHERE status = 'PENDING'} with a lease), so two
 * instances never send the same one. Failures back off exponentially (or as long as the peer's Retry-After asks)
 * and become dead letters after {@code aftercare.notify.max-attempts}. A channel with a minimum interval (a rate
 * limit per recipient) takes the recipient's slot in {@code notify_rate_slot} before each try, so no two tries to one
 * recipient start closer together than that, across instances; a message that finds the slot taken waits for it.
 * A run sends {@code parallel-sends} messages at a time, goes on batch after batch while messages are due, and stops
 * starting new ones when the application stops (those under way finish).
 */
@Configuration(proxyBeanMethods = false)
class DeliveryWorker {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);

    private final Outbox outbox;
    private final Directory directory;
    private final List<Channel> channels;
    private final List<DirectChannel> direct;
    private final NotifyProperties properties;
    private final NotifyMetrics metrics;
    private final BrokenIndexRepair brokenIndexes;
    private final Clock clock;
    private final String worker = "notify-" + UUID.randomUUID();
    private volatile boolean stopping;
    private final int parallel;
    private final ExecutorService pool;

    DeliveryWorker(Outbox outbox, Directory directory, List<Channel> channels, ObjectProvider<DirectChannel> direct,
                   NotifyProperties properties, NotifyMetrics metrics, BrokenIndexRepair brokenIndexes,
                   Clock clock) {
        this.metrics = metrics;
        this.brokenIndexes = brokenIndexes;
        this.outbox = outbox;
        this.directory = directory;
        this.channels = channels;
        this.direct = direct.orderedStream().toList();
        this.parallel = Math.max(1, properties.parallelSends());
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "notify-send-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.properties = properties;
        this.clock = clock;
    }

    @Bean
    RecurringTask<Void> notifyDeliverTask(NotifyProperties notify) {
        return Tasks.recurring("notify-deliver", FixedDelay.of(notify.pollInterval()))
            .execute((instance, context) -> drainAll());
    }

    @EventListener(ContextClosedEvent.class)
    void stopping() {
        stopping = true;
        pool.shutdown(); // messages under way finish; nothing new starts
    }

    @EventListener(ApplicationReadyEvent.class)
    void schedule(ApplicationReadyEvent event) {
        ObjectProvider<SchedulerClient> scheduler = event.getApplicationContext().getBeanProvider(SchedulerClient.class);
        scheduler.getObject().scheduleIfNotExists(
            event.getApplicationContext().getBean("notifyDeliverTask", RecurringTask.class)
                .instance(RecurringTask.INSTANCE), clock.instant());
    }

    /** Sends batch after batch while full batches are due (at most a minute), then leaves the rest to the next run. */
    int drainAll() {
        Instant until = clock.instant().plus(Duration.ofMinutes(1));
        int sent = 0;
        int found;
        do {
            List<UUID> due = outbox.due(clock.instant(), properties.batchSize());
            found = due.size();
            sent += send(due);
        } while (found == properties.batchSize() && !stopping && clock.instant().isBefore(until));
        return sent;
    }

    /** Sends what is due now, at most a batch; returns how many were sent. */
    int drain() {
        return send(outbox.due(clock.instant(), properties.batchSize()));
    }

    /** Sends the given messages, {@code parallel-sends} at a time; waits for every one it started. */
    private int send(List<UUID> due) {
        AtomicInteger sent = new AtomicInteger();
        Semaphore slots = new Semaphore(parallel);
        for (UUID id : due) {
            if (stopping) {
                break;
            }
            slots.acquireUninterruptibly();
            try {
                pool.execute(() -> {
                    try {
                        if (claimAndDeliver(id)) {
                            sent.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        // a crash can leave an H2 index without the message's row, and every claim of it failing:
                        // the table's indexes are rebuilt, and the message is taken again at the next round
                        if (!brokenIndexes.repaired(e)) {
                            LOG.warn("Message {} could not be handled; its claim runs out and it is tried again", id,
                                e);
                        }
                    } finally {
                        slots.release();
                    }
                });
            } catch (RejectedExecutionException stopped) {
                slots.release();
                break;
            }
        }
        // every slot back: every message started here is done
        slots.acquireUninterruptibly(parallel);
        return sent.get();
    }

    private boolean claimAndDeliver(UUID id) {
        Instant now = clock.instant();
        return outbox.claim(id, worker, now, now.plus(properties.claimFor())) && deliver(id);
    }

    @FunctionalInterface
    private interface Send {
        void send() throws DeliveryFailure;
    }

    private boolean deliver(UUID id) {
        Outbox.Row row = outbox.find(id).orElseThrow();
        Optional<DirectChannel> to = direct.stream().filter(c -> c.name().equals(row.channel())).findFirst();
        if (to.isPresent()) {
            return attempt(row, to.get().minInterval(), () -> to.get().send(row.message()));
        }
        Optional<PersonRef> person = directory.person(row.personId());
        Optional<Channel> channel = channels.stream().filter(c -> c.name().equals(row.channel())).findFirst();
        if (person.isEmpty()) {
            outbox.skip(id, worker, clock.instant(), "person no longer in the directory");
            return false;
        }
        if (channel.isEmpty() || !channel.get().reaches(person.get())) {
            return attempt(row, Duration.ZERO, () -> {
                throw DeliveryFailure.permanent("channel " + row.channel() + " cannot reach this person", null);
            });
        }
        return attempt(row, channel.get().minInterval(), () -> channel.get().send(row.message(), person.get()));
    }

    /** Tries once, unless the channel's limit per recipient says wait; records the outcome on the claimed row. */
    private boolean attempt(Outbox.Row row, Duration minInterval, Send send) {
        UUID id = row.id();
        if (minInterval != null && !minInterval.isZero() && !minInterval.isNegative()) {
            Optional<Instant> busyUntil = outbox.reserve(row.channel(), row.personId(), clock.instant(), minInterval);
            if (busyUntil.isPresent()) {
                outbox.postpone(id, worker, busyUntil.get());
                return false;
            }
        }
        try {
            send.send();
            boolean sent = outbox.sent(id, worker, clock.instant());
            if (sent) {
                metrics.sent(row.channel());
            }
            return sent;
        } catch (DeliveryFailure failure) {
            Instant now = clock.instant();
            int failures = row.attempts() + 1;
            boolean dead = failure.permanent() || failures >= properties.maxAttempts();
            Duration wait = Backoff.after(failures, properties.initialBackoff(), properties.maxBackoff(),
                failure.retryAfter());
            LOG.info("Message {} by {} failed (attempt {}{}): {}", id, row.channel(), failures,
                dead ? ", now a dead letter" : ", retry in " + wait, failure.getMessage());
            outbox.failed(id, worker, now, failure.getMessage(), now.plus(wait), dead);
            metrics.failed(row.channel(), dead);
            return false;
        } catch (RuntimeException e) {
            Instant now = clock.instant();
            int failures = row.attempts() + 1;
            boolean dead = failures >= properties.maxAttempts();
            LOG.warn("Message {} by {} failed unexpectedly (attempt {})", id, row.channel(), failures, e);
            outbox.failed(id, worker, now, e.getClass().getSimpleName(), now.plus(Backoff.after(failures,
                properties.initialBackoff(), properties.maxBackoff(), null)), dead);
            metrics.failed(row.channel(), dead);
            return false;
        }
    }
}
