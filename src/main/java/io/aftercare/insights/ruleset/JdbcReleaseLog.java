package io.aftercare.insights.ruleset;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.aftercare.insights.Window;
import io.aftercare.shared.DbTime;

/** The release log in {@code insights_release} and its members, one row per person in a released set. */
@Repository
class JdbcReleaseLog implements ReleaseLog {

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
                UUID round = rs.getObject("poll_round", UUID.class);
                Window window = round != null ? new Window.PollRound(round)
                    : new Window.Months(YearMonth.parse(rs.getString("first_month")),
                        YearMonth.parse(rs.getString("last_month")));
                return new Row(rs.getObject("id", UUID.class), window, rs.getObject("person_id", UUID.class));
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
    public void record(UUID viewer, Entry entry) {
        UUID id = UUID.randomUUID();
        String first = entry.window() instanceof Window.Months m ? m.first().toString() : null;
        String last = entry.window() instanceof Window.Months m ? m.last().toString() : null;
        UUID round = entry.window() instanceof Window.PollRound p ? p.round() : null;
        jdbc.sql("""
                INSERT INTO insights_release (id, viewer_id, figure, first_month, last_month, poll_round, released_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
            .params(id, viewer, entry.figure(), first, last, round, DbTime.toDb(clock.instant()))
            .update();
        for (UUID person : entry.people()) {
            jdbc.sql("INSERT INTO insights_release_member (release_id, person_id) VALUES (?, ?)")
                .params(id, person).update();
        }
    }
}
