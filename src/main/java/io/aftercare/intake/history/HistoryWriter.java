package io.aftercare.intake.history;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntConsumer;

import org.springframework.stereotype.Component;
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

/**
 * The two steps of a history import, for {@link HistoryImports}: checking the whole file (every line, every team it
 * names), then writing a file without a bad line in one transaction, in chunks of {@value HistoryImports#CHUNK},
 * matching people as the webhooks do and remembering the ones nobody could match yet.
 */
@Component
class HistoryWriter {

    /** A checked file: its rows, every problem found, and the directory's team for each team name (or null). */
    record Checked(HistoryCsv.Format format, List<Row> rows, List<LineError> errors, Map<String, UUID> teams) {
    }

    private final Incidents incidents;
    private final Directory directory;
    private final UnmatchedRepository unmatched;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;

    HistoryWriter(Incidents incidents, Directory directory, UnmatchedRepository unmatched, AuditLog audit,
                  Clock clock, PlatformTransactionManager transactions) {
        this.incidents = incidents;
        this.directory = directory;
        this.unmatched = unmatched;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    Checked check(String text, IntConsumer progress) {
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

    HistoryImports.Result write(Checked checked, UUID actorId, String target, IntConsumer progress) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int[] counts = new int[2];
        Map<Unknown, UUID> unknownIds = new HashMap<>();
        tx.executeWithoutResult(status -> {
            Map<Identity, Optional<UUID>> people = new HashMap<>();
            List<Row> rows = checked.rows();
            for (int from = 0; from < rows.size(); from += HistoryImports.CHUNK) {
                List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + HistoryImports.CHUNK));
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
        return new HistoryImports.Result(counts[0], counts[1], unknownIds.size(),
            checked.format().name().toLowerCase(Locale.ROOT));
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
