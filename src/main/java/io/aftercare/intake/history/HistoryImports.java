package io.aftercare.intake.history;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.aftercare.incidents.Incidents;
import io.aftercare.intake.history.HistoryCsv.LineError;
import io.aftercare.shared.DomainException;

import jakarta.annotation.PreDestroy;

/**
 * Imports past incidents from CSV, all or nothing: the whole file is checked first, and only a file without a single
 * bad line is written, in one transaction. Imported incidents are history: they are recorded resolved and announce
 * nothing, so they never open care cases or send check-ins (see {@link Incidents#importPast}).
 *
 * <p>Checking and writing are {@link HistoryWriter}'s; this class keeps the jobs. From the page an import runs in the
 * background, one at a time, and its progress is kept in memory (the last
 * {@value #KEPT} imports); a restart in the middle rolls the transaction back and forgets the job.
 */
@Service
public class HistoryImports {

    static final int KEPT = 20;
    static final int CHUNK = 1000;
    private static final Logger log = LoggerFactory.getLogger(HistoryImports.class);

    private final HistoryWriter writer;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "history-import");
        t.setDaemon(true);
        return t;
    });
    private final Deque<Job> jobs = new ArrayDeque<>();

    HistoryImports(HistoryWriter writer, Clock clock) {
        this.writer = writer;
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** Where an import is. */
    public enum Phase {
        WAITING, CHECKING, WRITING, DONE, REJECTED, FAILED;

        public boolean finished() {
            return this == DONE || this == REJECTED || this == FAILED;
        }
    }

    /** What an import did: new incidents, those already known (left alone) and people nobody could match yet. */
    public record Result(int imported, int alreadyKnown, int unmatchedPeople, String format) {
    }

    /** One import from the page; read by the page while the worker moves it along. */
    public static final class Job {
        private final UUID id = UUID.randomUUID();
        private final String fileName;
        private final long lines;
        private final Instant startedAt;
        private volatile Phase phase = Phase.WAITING;
        private volatile long checked;
        private volatile long written;
        private volatile long toWrite;
        private volatile List<LineError> errors = List.of();
        private volatile Result result;
        private volatile Instant finishedAt;

        Job(String fileName, long lines, Instant startedAt) {
            this.fileName = fileName;
            this.lines = lines;
            this.startedAt = startedAt;
        }

        public UUID id() {
            return id;
        }

        public String fileName() {
            return fileName;
        }

        public Phase phase() {
            return phase;
        }

        /** Incidents (lines after the header) in the file, as far as counting its lines tells. */
        public long total() {
            return Math.max(1, lines - 1);
        }

        public long checked() {
            return checked;
        }

        public long written() {
            return written;
        }

        /** Checking is the first half of the bar and writing the second. */
        public int percent() {
            if (phase.finished()) {
                return 100;
            }
            double check = Math.min(1.0, checked / (double) total());
            double write = toWrite == 0 ? 0 : Math.min(1.0, written / (double) toWrite);
            return (int) Math.floor(50 * check + 50 * write);
        }

        public List<LineError> errors() {
            return errors;
        }

        public Result result() {
            return result;
        }

        public Instant startedAt() {
            return startedAt;
        }

        public Instant finishedAt() {
            return finishedAt;
        }
    }

    /** Starts importing the file in the background; follow it with {@link #find}. */
    public Job start(String fileName, String text, UUID actorId) {
        Job job = new Job(fileName == null || fileName.isBlank() ? "file.csv" : fileName,
            HistoryCsv.countLines(text == null ? "" : text), clock.instant());
        synchronized (jobs) {
            jobs.addFirst(job);
            while (jobs.size() > KEPT) {
                jobs.removeLast();
            }
        }
        worker.submit(() -> run(job, text, actorId));
        return job;
    }

    public Optional<Job> find(UUID id) {
        synchronized (jobs) {
            return jobs.stream().filter(j -> j.id.equals(id)).findFirst();
        }
    }

    public List<Job> recent() {
        synchronized (jobs) {
            return List.copyOf(jobs);
        }
    }

    private void run(Job job, String text, UUID actorId) {
        try {
            job.phase = Phase.CHECKING;
            long t0 = System.nanoTime();
            HistoryWriter.Checked checked = writer.check(text, n -> job.checked = n);
            log.info("History import {}: {} lines checked in {} ms, {} with problems", job.id, job.checked,
                (System.nanoTime() - t0) / 1_000_000, checked.errors().size());
            if (!checked.errors().isEmpty()) {
                job.errors = checked.errors();
                job.phase = Phase.REJECTED;
                return;
            }
            job.toWrite = checked.rows().size();
            job.phase = Phase.WRITING;
            long t1 = System.nanoTime();
            job.result = writer.write(checked, actorId, job.id.toString(), n -> job.written = n);
            log.info("History import {}: {} incidents written in {} ms", job.id, job.result.imported(),
                (System.nanoTime() - t1) / 1_000_000);
            job.phase = Phase.DONE;
        } catch (RuntimeException e) {
            // the message names no incident or person: the file's content never goes to the log
            log.error("History import {} failed: {}", job.id, e.getClass().getName());
            job.errors = List.of(new LineError(1, "The import stopped because of an error on the server, and "
                + "nothing was imported. Try again; if it happens again, the server log has the details."));
            job.phase = Phase.FAILED;
        } finally {
            job.finishedAt = clock.instant();
        }
    }

    /**
     * Checks and imports the file in the caller's thread (the API).
     *
     * @throws DomainException.InvalidLines naming every bad line; then nothing was written
     */
    public Result importNow(String text, UUID actorId) {
        HistoryWriter.Checked checked = writer.check(text, n -> { });
        if (!checked.errors().isEmpty()) {
            throw problem(checked.errors());
        }
        return writer.write(checked, actorId, "api", n -> { });
    }

    static DomainException.InvalidLines problem(List<LineError> errors) {
        return DomainException.invalidLines(errors.stream()
            .map(e -> new DomainException.LineError(e.line(), e.message())).toList());
    }
}
