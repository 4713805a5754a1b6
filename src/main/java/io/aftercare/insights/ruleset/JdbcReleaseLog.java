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
        record Row(UUID id, Window window, String published, UUID person, boolean erased) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT r.id, r.first_month, r.last_month, r.poll_round, r.published, m.person_id, m.erased
                FROM insights_release r
                JOIN insights_release_member m ON m.release_id = r.id
                WHERE r.viewer_id = ? AND r.figure = ? ORDER BY r.released_at, r.id""")
            .params(viewer, figure)
            .query((rs, n) -> {
                UUID round = rs.getObject("poll_round", UUID.class);
                Window window = round != null ? new Window.PollRound(round)
                    : new Window.Months(YearMonth.parse(rs.getString("first_month")),
                        YearMonth.parse(rs.getString("last_month")));
                return new Row(rs.getObject("id", UUID.class), window, rs.getString("published"),
                    rs.getObject("person_id", UUID.class), rs.getBoolean("erased"));
            }).list();
        Map<UUID, Row> releases = new LinkedHashMap<>();
        Map<UUID, Set<UUID>> people = new LinkedHashMap<>();
        Map<UUID, Set<UUID>> erased = new LinkedHashMap<>();
        for (Row row : rows) {
            releases.putIfAbsent(row.id(), row);
            people.computeIfAbsent(row.id(), id -> new HashSet<>()).add(row.person());
            Set<UUID> gone = erased.computeIfAbsent(row.id(), id -> new HashSet<>());
            if (row.erased()) {
                gone.add(row.person());
            }
        }
        List<Entry> entries = new ArrayList<>();
        releases.forEach((id, row) -> entries.add(new Entry(figure, row.window(), people.get(id), erased.get(id),
            PublishedFigure.read(row.published()))));
        return entries;
    }

    @Override
    public void record(UUID viewer, Entry entry) {
        UUID id = UUID.randomUUID();
        String first = entry.window() instanceof Window.Months m ? m.first().toString() : null;
        String last = entry.window() instanceof Window.Months m ? m.last().toString() : null;
        UUID round = entry.window() instanceof Window.PollRound p ? p.round() : null;
        jdbc.sql("""
                INSERT INTO insights_release (id, viewer_id, figure, first_month, last_month, poll_round, released_at,
                                              published)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(id, viewer, entry.figure(), first, last, round, DbTime.toDb(clock.instant()),
                entry.published() == null ? null : PublishedFigure.write(entry.published()))
            .update();
        for (UUID person : entry.people()) {
            jdbc.sql("INSERT INTO insights_release_member (release_id, person_id, erased) VALUES (?, ?, ?)")
                .params(id, person, entry.erased().contains(person)).update();
        }
    }

    /**
     * Erasure (decision 0046): the person's own log as a viewer goes; in every set released to anyone else their id
     * is replaced by one random token for this erasure, marked erased, so that the set keeps its size and its
     * published answer and no id of theirs is left.
     */
    void erase(UUID person) {
        jdbc.sql("DELETE FROM insights_release WHERE viewer_id = ?").param(person).update();
        jdbc.sql("DELETE FROM insights_release_viewer WHERE viewer_id = ?").param(person).update();
        jdbc.sql("UPDATE insights_release_member SET person_id = ?, erased = TRUE WHERE person_id = ?")
            .params(UUID.randomUUID(), person).update();
    }

    /** What the person was shown as a viewer: which figures, for which windows, and when; nobody's id. */
    List<Map<String, Object>> export(UUID viewer) {
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
