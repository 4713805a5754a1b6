package io.aftercare.insights.ruleset;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.aftercare.insights.Window;
import io.aftercare.shared.DbTime;

/**
 * The release log in {@code insights_release} and its members, one row per person in a released set; each set's
 * fingerprint beside it lets a set released before be found without reading every set back.
 */
@Repository
class JdbcReleaseLog implements ReleaseLog {

    static final int MEMBERS_PER_INSERT = 500;

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcReleaseLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void lock(UUID viewer) {
        jdbc.sql("INSERT INTO insights_release_viewer (viewer_id) VALUES (?) ON CONFLICT DO NOTHING").param(viewer)
            .update();
        jdbc.sql("SELECT viewer_id FROM insights_release_viewer WHERE viewer_id = ? FOR UPDATE").param(viewer)
            .query(UUID.class).single();
    }

    @Override
    public List<Entry> released(UUID viewer, String figure) {
        record Row(UUID id, Window window, UUID person) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT r.id, r.first_month, r.last_month, r.poll_round, m.person_id FROM insights_release r
                JOIN insights_release_member m ON m.release_id = r.id
                WHERE r.viewer_id = ? AND r.figure = ? ORDER BY r.released_at, r.id""")
            .params(viewer, figure)
            .query((rs, n) -> {
                return new Row(rs.getObject("id", UUID.class), window(rs), rs.getObject("person_id", UUID.class));
            }).list();
        Map<UUID, Window> windows = new LinkedHashMap<>();
        Map<UUID, Set<UUID>> people = new LinkedHashMap<>();
        for (Row row : rows) {
            windows.put(row.id(), row.window());
            people.computeIfAbsent(row.id(), id -> new HashSet<>()).add(row.person());
        }
        List<Entry> entries = new ArrayList<>();
        windows.forEach((id, window) -> entries.add(new Entry(figure, window, people.get(id))));
        return entries;
    }

    @Override
    public boolean holds(UUID viewer, String figure, Window window, Set<UUID> people) {
        return jdbc.sql("""
                SELECT first_month, last_month, poll_round FROM insights_release
                WHERE viewer_id = ? AND figure = ? AND people_digest = ? AND people_count = ?""")
            .params(viewer, figure, digest(people), people.size())
            .query((rs, n) -> window(rs)).list().stream().anyMatch(w -> StandardRuleSet.overlap(w, window));
    }

    @Override
    public void record(UUID viewer, Entry entry) {
        UUID id = UUID.randomUUID();
        String first = entry.window() instanceof Window.Months m ? m.first().toString() : null;
        String last = entry.window() instanceof Window.Months m ? m.last().toString() : null;
        UUID round = entry.window() instanceof Window.PollRound p ? p.round() : null;
        jdbc.sql("""
                INSERT INTO insights_release (id, viewer_id, figure, first_month, last_month, poll_round, released_at,
                                              people_count, people_digest)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(id, viewer, entry.figure(), first, last, round, DbTime.toDb(clock.instant()),
                entry.people().size(), digest(entry.people()))
            .update();
        // many rows to a statement: a set of the whole organisation is thousands of people
        List<UUID> people = List.copyOf(entry.people());
        for (int from = 0; from < people.size(); from += MEMBERS_PER_INSERT) {
            List<UUID> chunk = people.subList(from, Math.min(people.size(), from + MEMBERS_PER_INSERT));
            List<Object> params = new ArrayList<>(chunk.size() * 2);
            StringBuilder values = new StringBuilder();
            for (UUID person : chunk) {
                values.append(values.isEmpty() ? "(?, ?)" : ", (?, ?)");
                params.add(id);
                params.add(person);
            }
            jdbc.sql("INSERT INTO insights_release_member (release_id, person_id) VALUES " + values).params(params)
                .update();
        }
    }

    /**
     * A set's fingerprint, to find the same set again without reading it back: SHA-256 over its people's ids in
     * order. It says no more than the member rows beside it (who was in the set, never what they answered).
     */
    static String digest(Set<UUID> people) {
        List<UUID> sorted = new ArrayList<>(people);
        sorted.sort(null);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            ByteBuffer bytes = ByteBuffer.allocate(16);
            for (UUID person : sorted) {
                bytes.clear();
                bytes.putLong(person.getMostSignificantBits()).putLong(person.getLeastSignificantBits());
                sha.update(bytes.array());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static Window window(ResultSet rs) throws SQLException {
        UUID round = rs.getObject("poll_round", UUID.class);
        return round != null ? new Window.PollRound(round)
            : new Window.Months(YearMonth.parse(rs.getString("first_month")), YearMonth.parse(rs.getString("last_month")));
    }
}
