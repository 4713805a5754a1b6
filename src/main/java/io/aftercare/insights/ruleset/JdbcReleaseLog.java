package io.aftercare.insights.ruleset;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.aftercare.insights.Window;
import io.aftercare.shared.DbTime;

/**
 * The release log in {@code insights_release} and its members, one row per person in a released set. Each release
 * keeps its set's size, how many in it have been erased and the digest of the others ({@link SetDigest}), so that
 * the rule set reads a viewer's log without its members, once a transaction; members are read only when a new set is
 * to be checked against earlier ones. A set the viewer was released before under another figure or window is not
 * written again: the new release points at the members already kept ({@code members_of}). What a transaction
 * records is written together just before it commits (decision 0064).
 */
@Repository
class JdbcReleaseLog implements ReleaseLog {

    /** Members written in one statement. */
    static final int MEMBERS_A_STATEMENT = 500;
    /** Releases written in one statement. */
    static final int RELEASES_A_STATEMENT = 100;

    private final JdbcClient jdbc;
    private final Clock clock;
    /** The key under which a transaction's {@link Held} is bound. */
    private final Object key = new Object();

    JdbcReleaseLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * What one transaction has read of the log and locked. The viewer's lock is held to its end, so nobody else writes
     * the viewer's log in the meantime and what was read stays true.
     */
    private static final class Held {
        final Set<UUID> locked = new HashSet<>();
        final Map<UUID, List<Summary>> summaries = new HashMap<>();
        final Map<UUID, Set<UUID>> members = new HashMap<>();
        /** Releases and members recorded and not written yet: written together before the transaction commits. */
        final List<Object[]> releases = new ArrayList<>();
        final List<Object[]> memberRows = new ArrayList<>();
        boolean writing;
    }

    private Held held() {
        return TransactionBound.get(key, Held::new);
    }

    @Override
    public void lock(UUID viewer) {
        Held held = held();
        if (held.locked.contains(viewer)) {
            return;
        }
        jdbc.sql("INSERT INTO insights_release_viewer (viewer_id) VALUES (?) ON CONFLICT DO NOTHING").param(viewer)
            .update();
        jdbc.sql("SELECT viewer_id FROM insights_release_viewer WHERE viewer_id = ? FOR UPDATE").param(viewer)
            .query(UUID.class).single();
        held.locked.add(viewer);
    }

    @Override
    public List<Summary> released(UUID viewer, String figure) {
        return summaries(held(), viewer).stream().filter(s -> s.figure().equals(figure)).toList();
    }

    /** Every release to the viewer, all figures, in one read; kept to the end of the transaction. */
    private List<Summary> summaries(Held held, UUID viewer) {
        List<Summary> known = held.summaries.get(viewer);
        if (known != null) {
            return known;
        }
        record Row(UUID id, String figure, Window window, String published, Integer size, Integer erased,
                   String digest, UUID membersOf) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT id, figure, first_month, last_month, poll_round, published, set_size, erased_count, set_digest,
                       members_of
                FROM insights_release WHERE viewer_id = ? ORDER BY released_at, id""")
            .param(viewer)
            .query((rs, n) -> {
                UUID round = rs.getObject("poll_round", UUID.class);
                Window window = round != null ? new Window.PollRound(round)
                    : new Window.Months(YearMonth.parse(rs.getString("first_month")),
                        YearMonth.parse(rs.getString("last_month")));
                return new Row(rs.getObject("id", UUID.class), rs.getString("figure"), window,
                    rs.getString("published"), (Integer) rs.getObject("set_size", Integer.class),
                    (Integer) rs.getObject("erased_count", Integer.class), rs.getString("set_digest"),
                    rs.getObject("members_of", UUID.class));
            }).list();
        List<Summary> summaries = new ArrayList<>();
        for (Row row : rows) {
            UUID members = row.membersOf() != null ? row.membersOf() : row.id();
            int size;
            int erased;
            String digest;
            if (row.digest() == null || row.size() == null || row.erased() == null) {
                // released before sizes and digests were kept: worked out once from its members, and kept
                List<Member> all = members(List.of(members)).getOrDefault(members, List.of());
                size = all.size();
                erased = (int) all.stream().filter(Member::erased).count();
                digest = SetDigest.of(all.stream().filter(m -> !m.erased()).map(Member::person).toList());
                jdbc.sql("UPDATE insights_release SET set_size = ?, erased_count = ?, set_digest = ? WHERE id = ?")
                    .params(size, erased, digest, row.id()).update();
            } else {
                size = row.size();
                erased = row.erased();
                digest = row.digest();
            }
            summaries.add(new Summary(row.figure(), row.window(), size, erased > 0, digest,
                PublishedFigure.read(row.published()), members));
        }
        held.summaries.put(viewer, summaries);
        return summaries;
    }

    private record Member(UUID person, boolean erased) {
    }

    /** The members kept under each of these keys, in one read. */
    private Map<UUID, List<Member>> members(List<UUID> keys) {
        Map<UUID, List<Member>> members = new HashMap<>();
        if (keys.isEmpty()) {
            return members;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(keys.size(), "?"));
        jdbc.sql("SELECT release_id, person_id, erased FROM insights_release_member WHERE release_id IN (" + marks
                + ")")
            .params(keys.toArray())
            .query(rs -> {
                members.computeIfAbsent(rs.getObject("release_id", UUID.class), k -> new ArrayList<>())
                    .add(new Member(rs.getObject("person_id", UUID.class), rs.getBoolean("erased")));
            });
        return members;
    }

    @Override
    public boolean shareAnyone(UUID viewer, List<Summary> earlier, Set<UUID> set) {
        Held held = held();
        List<UUID> missing = earlier.stream().map(Summary::members).distinct()
            .filter(k -> !held.members.containsKey(k)).toList();
        members(missing).forEach((k, list) -> held.members.put(k,
            list.stream().map(Member::person).collect(java.util.stream.Collectors.toSet())));
        return earlier.stream().map(Summary::members).distinct()
            .anyMatch(k -> !java.util.Collections.disjoint(held.members.getOrDefault(k, Set.of()), set));
    }

    /**
     * Keeps the release, and its members unless the viewer has the same set already; what a transaction records is
     * written in one go before it commits (a report's thirty or forty figures, a poll round's respondents once),
     * releases {@value #RELEASES_A_STATEMENT} and members {@value #MEMBERS_A_STATEMENT} to a statement. Until then
     * the transaction's own reads of the log find it in what it holds. Without a transaction, written at once.
     */
    @Override
    public void record(UUID viewer, Entry entry) {
        Held held = held();
        List<Summary> summaries = summaries(held, viewer);
        String digest = entry.erased().isEmpty() ? SetDigest.cached(entry.people()) : SetDigest.of(entry.remaining());
        int size = entry.people().size();
        // the same people released to the viewer before, under another figure or window: their rows are kept once
        UUID shared = !entry.erased().isEmpty() ? null : summaries.stream()
            .filter(s -> !s.erased() && s.size() == size && s.digest().equals(digest))
            .map(Summary::members).findFirst().orElse(null);
        UUID id = UUID.randomUUID();
        String first = entry.window() instanceof Window.Months m ? m.first().toString() : null;
        String last = entry.window() instanceof Window.Months m ? m.last().toString() : null;
        UUID round = entry.window() instanceof Window.PollRound p ? p.round() : null;
        held.releases.add(new Object[] {id, viewer, entry.figure(), first, last, round, DbTime.toDb(clock.instant()),
            entry.published() == null ? null : PublishedFigure.write(entry.published()), size, entry.erased().size(),
            digest, shared});
        if (shared == null) {
            for (UUID person : entry.people()) {
                held.memberRows.add(new Object[] {id, person, entry.erased().contains(person)});
            }
            held.members.put(id, entry.people());
        }
        summaries.add(new Summary(entry.figure(), entry.window(), size, !entry.erased().isEmpty(), digest,
            entry.published(), shared != null ? shared : id));
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            write(held);
        } else if (!held.writing) {
            held.writing = true;
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    write(held);
                }
            });
        }
    }

    /** Writes what the transaction recorded and has not written yet: the releases, then their members. */
    private void write(Held held) {
        insert("""
                INSERT INTO insights_release (id, viewer_id, figure, first_month, last_month, poll_round, released_at,
                                              published, set_size, erased_count, set_digest, members_of) VALUES\s""",
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", held.releases, RELEASES_A_STATEMENT);
        insert("INSERT INTO insights_release_member (release_id, person_id, erased) VALUES ", "(?, ?, ?)",
            held.memberRows, MEMBERS_A_STATEMENT);
    }

    /** Inserts the rows so many to a statement, and forgets them. */
    private void insert(String into, String row, List<Object[]> rows, int perStatement) {
        for (int from = 0; from < rows.size(); from += perStatement) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + perStatement));
            List<Object> params = new ArrayList<>(chunk.size() * chunk.get(0).length);
            chunk.forEach(r -> params.addAll(java.util.Arrays.asList(r)));
            jdbc.sql(into + String.join(", ", java.util.Collections.nCopies(chunk.size(), row)))
                .params(params.toArray())
                .update();
        }
        rows.clear();
    }

    /**
     * Erasure (decision 0046): the person's own log as a viewer goes; in every set released to anyone else their id
     * is replaced by one random token for this erasure, marked erased, so that the set keeps its size and its
     * published answer and no id of theirs is left. Each such set's digest becomes that of the people left in it, so
     * that nothing kept is worked out from the erased person's id either.
     */
    void erase(UUID person) {
        write(held());
        jdbc.sql("DELETE FROM insights_release WHERE viewer_id = ?").param(person).update();
        jdbc.sql("DELETE FROM insights_release_viewer WHERE viewer_id = ?").param(person).update();
        UUID token = UUID.randomUUID();
        jdbc.sql("UPDATE insights_release_member SET person_id = ?, erased = TRUE WHERE person_id = ?")
            .params(token, person).update();
        List<UUID> sets = jdbc.sql("SELECT release_id FROM insights_release_member WHERE person_id = ?").param(token)
            .query(UUID.class).list();
        for (List<UUID> chunk : chunks(sets)) {
            members(chunk).forEach((set, all) -> jdbc.sql("""
                    UPDATE insights_release SET set_size = ?, erased_count = ?, set_digest = ?
                    WHERE id = ? OR members_of = ?""")
                .params(all.size(), (int) all.stream().filter(Member::erased).count(),
                    SetDigest.of(all.stream().filter(m -> !m.erased()).map(Member::person).toList()), set, set)
                .update());
        }
    }

    private static List<List<UUID>> chunks(List<UUID> ids) {
        List<List<UUID>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += MEMBERS_A_STATEMENT) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + MEMBERS_A_STATEMENT)));
        }
        return chunks;
    }

    /** What the person was shown as a viewer: which figures, for which windows, and when; nobody's id. */
    List<Map<String, Object>> export(UUID viewer) {
        write(held());
        return jdbc.sql("""
                SELECT figure, first_month, last_month, poll_round, released_at FROM insights_release
                WHERE viewer_id = ? ORDER BY released_at, figure""")
            .param(viewer)
            .query((rs, n) -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("figure", rs.getString("figure"));
                row.put("firstMonth", rs.getString("first_month"));
                row.put("lastMonth", rs.getString("last_month"));
                row.put("pollRound", rs.getObject("poll_round", UUID.class));
                row.put("releasedAt", DbTime.instant(rs, "released_at"));
                return row;
            }).list();
    }
}
