package io.aftercare.intake.history;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.aftercare.directory.Directory;
import io.aftercare.directory.PersonRef;
import io.aftercare.directory.TeamRef;
import io.aftercare.identity.AuditLog;
import io.aftercare.incidents.Incidents;
import io.aftercare.incidents.NewResponder;
import io.aftercare.incidents.PastIncident;
import io.aftercare.intake.delivery.UnmatchedRepository;
import io.aftercare.intake.history.HistoryCsv.LineError;
import io.aftercare.intake.history.HistoryCsv.Row;
import io.aftercare.intake.source.GenericEventParser;
import io.aftercare.intake.source.SourceEvent.Identity;
import io.aftercare.shared.DomainException;

import jakarta.annotation.PreDestroy;

/**
 * Imports past incidents from CSV, all or nothing: the whole file is checked first, and only a file without a single
 * bad line is written, in one transaction. Imported incidents are history: they are recorded resolved and announce
 * nothing, so they never open care cases or send check-ins (see {@link Incidents#importPast}).
 *
 * <p>From the page an import runs in the background, one at a time, and its progress is kept in memory (the last
 * {@value #KEPT} imports); a restart in the middle rolls the transaction back and forgets the job.
 */
@Service
public class HistoryImports {

    static final int KEPT = 20;
    static final int CHUNK = 1000;
    private static final Logger log = LoggerFactory.getLogger(HistoryImports.class);

    private final Incidents incidents;
    private final Directory directory;
    private final UnmatchedRepository unmatched;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "history-import");
        t.setDaemon(true);
        return t;
    });
    private final Deque<Job> jobs = new ArrayDeque<>();

    HistoryImports(Incidents incidents, Directory directory, UnmatchedRepository unmatched, AuditLog audit,
                   Clock clock, PlatformTransactionManager transactions) {
        this.incidents = incidents;
        this.directory = directory;
        this.unmatched = unmatched;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
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
            Checked checked = check(text, n -> job.checked = n);
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
            job.result = write(checked, actorId, job.id.toString(), n -> job.written = n);
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
        Checked checked = check(text, n -> { });
        if (!checked.errors().isEmpty()) {
            throw problem(checked.errors());
        }
        return write(checked, actorId, "api", n -> { });
    }

    static DomainException.InvalidLines problem(List<LineError> errors) {
        return DomainException.invalidLines(errors.stream()
            .map(e -> new DomainException.LineError(e.line(), e.message())).toList());
    }

    private record Checked(HistoryCsv.Format format, List<Row> rows, List<LineError> errors,
                           Map<String, UUID> teams) {
    }

    private Checked check(String text, IntConsumer progress) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        HistoryCsv.Parsed parsed = HistoryCsv.parse(text, now, progress);
        List<LineError> errors = new ArrayList<>(parsed.errors());
        Map<String, UUID> teams = new HashMap<>();
        for (Row row : parsed.rows()) {
            if (row.team() == null) {
                continue;
            }
            String key = row.team().toLowerCase(Locale.ROOT);
            if (!teams.containsKey(key)) {
                teams.put(key, directory.teamByName(row.team()).map(TeamRef::id).orElse(null));
            }
            // Aftercare's own files name teams on purpose; a PagerDuty team that is not in the directory is left out
            if (teams.get(key) == null && parsed.format() == HistoryCsv.Format.AFTERCARE) {
                errors.add(new LineError(row.line(), "team \"" + row.team() + "\" is not a team in Aftercare."));
            }
        }
        errors.sort(Comparator.comparingLong(LineError::line));
        return new Checked(parsed.format(), parsed.rows(), errors, teams);
    }

    private record Unknown(String provider, String externalId, String email) {
    }

    private Result write(Checked checked, UUID actorId, String target, IntConsumer progress) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int[] counts = new int[2];
        Map<Unknown, UUID> unknownIds = new HashMap<>();
        tx.executeWithoutResult(status -> {
            Map<Identity, Optional<UUID>> people = new HashMap<>();
            List<Row> rows = checked.rows();
            for (int from = 0; from < rows.size(); from += CHUNK) {
                List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
                List<PastIncident> past = new ArrayList<>(chunk.size());
                for (Row r : chunk) {
                    List<NewResponder> known = new ArrayList<>();
                    for (Identity who : r.people()) {
                        Identity key = new Identity(who.provider(), who.externalId(), null,
                            who.email() == null ? null : who.email().toLowerCase(Locale.ROOT), null);
                        people.computeIfAbsent(key, this::person)
                            .ifPresent(id -> known.add(new NewResponder(id, null, who.role(), null)));
                    }
                    UUID team = r.team() == null ? null : checked.teams().get(r.team().toLowerCase(Locale.ROOT));
                    past.add(new PastIncident(r.source(), r.externalId(), r.title(), r.severity(), r.service(), team,
                        r.url(), r.startedAt(), r.acknowledgedAt(), r.resolvedAt(), known));
                }
                List<UUID> ids = incidents.importPast(past);
                for (int i = 0; i < chunk.size(); i++) {
                    UUID incident = ids.get(i);
                    if (incident == null) {
                        counts[1]++;
                        continue;
                    }
                    counts[0]++;
                    Row r = chunk.get(i);
                    Set<UUID> noted = new HashSet<>();
                    for (Identity who : r.people()) {
                        Identity key = new Identity(who.provider(), who.externalId(), null,
                            who.email() == null ? null : who.email().toLowerCase(Locale.ROOT), null);
                        if (people.get(key).isPresent()) {
                            continue;
                        }
                        Unknown u = who.externalId() != null
                            ? new Unknown(who.provider(), who.externalId(), null)
                            : new Unknown(GenericEventParser.EMAIL, key.email(), who.email());
                        UUID identity = unknownIds.computeIfAbsent(u,
                            k -> unmatched.remember(k.provider(), k.externalId(), null, k.email(), now));
                        if (noted.add(identity)) {
                            unmatched.addOccurrenceToNewIncident(identity, incident, who.role(), r.startedAt());
                        }
                    }
                }
                progress.accept(from + chunk.size());
            }
            audit.record(actorId, "intake.history.imported", target, counts[0] + " past incidents imported ("
                + counts[1] + " already known)");
        });
        return new Result(counts[0], counts[1], unknownIds.size(), checked.format().name().toLowerCase(Locale.ROOT));
    }

    /** As the webhooks match people: the tool's id (or an admin's mapping of it), else the e-mail. */
    private Optional<UUID> person(Identity who) {
        if (who.externalId() != null) {
            Optional<UUID> byId = directory.personByExternalIdentity(who.provider(), who.externalId())
                .map(PersonRef::id);
            return byId.isPresent() ? byId : unmatched.mappedPerson(who.provider(), who.externalId());
        }
        Optional<UUID> byEmail = directory.personByEmail(who.email()).map(PersonRef::id);
        return byEmail.isPresent() ? byEmail : unmatched.mappedPerson(GenericEventParser.EMAIL, who.email());
    }
}
