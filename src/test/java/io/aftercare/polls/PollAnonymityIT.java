package io.aftercare.polls;

import static io.aftercare.peersupport.SupportFixtures.person;
import static io.aftercare.peersupport.SupportFixtures.team;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSetMetaData;
import java.sql.Types;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.aftercare.directory.People;
import io.aftercare.identity.Role;
import io.aftercare.peersupport.SupportFixtures.Person;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.TestDatabase;

/**
 * Anonymous by construction, read the way an admin with database access would: after several people answer, the
 * application's poll tables hold the participation markers (round, person) and the tallies (round, question, choice,
 * count), and nothing joins the two. No column of the tallies names a person or a time; if two people swap their
 * answers, every table reads exactly the same; and on PostgreSQL every tally row of the round carries the same
 * writing transaction, so not even the system columns tell whose answer touched which row.
 */
@AftercareIT
class PollAnonymityIT {

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    /** Makes a talk poll for the team, opening today, and returns its id and its round's id. */
    String[] poll(Person coordinator, UUID team) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Anonymity");
        body.put("template", "talk");
        body.put("teams", List.of(team.toString()));
        body.put("opensOn", LocalDate.now(ZoneOffset.UTC).toString());
        body.put("closesOn", LocalDate.now(ZoneOffset.UTC).plusDays(3).toString());
        var created = coordinator.api(port).post("/api/v1/polls", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new String[] {created.json("$.poll.id"), created.json("$.rounds[0].id")};
    }

    /** Each person's answer, in the API's form. */
    static final List<Map<String, List<Integer>>> ANSWERS = List.of(
        Map.of("1", List.of(5), "2", List.of(1, 3), "3", List.of(1), "5", List.of(6)),
        Map.of("1", List.of(1), "4", List.of(5)),
        Map.of("1", List.of(3), "2", List.of(6), "3", List.of(4), "4", List.of(2), "5", List.of(1, 2, 3)),
        Map.of());

    @Test
    void nothingInTheTablesJoinsAMarkerToWhatThatPersonChose() throws Exception {
        Person cora = person(people, "Cora Anon", null, Role.COORDINATOR);
        List<Person> four = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            four.add(person(people, "Anon " + i, null));
        }
        UUID team = team(jdbc, "Anon", null, four.stream().map(Person::id).toArray(UUID[]::new));

        // round A: person i gives answer i; round B: the same people, the answers rotated by one
        String[] a = poll(cora, team);
        String[] b = poll(cora, team);
        for (int i = 0; i < 4; i++) {
            answer(four.get(i), a[0], ANSWERS.get(i));
            answer(four.get(i), b[0], ANSWERS.get((i + 1) % 4));
        }

        // the tables' shapes: no person, time, date or sequence next to the tallies; markers carry only who and which
        assertThat(columns("polls_tally")).containsExactlyInAnyOrderEntriesOf(Map.of("round_id", "uuid",
            "question", "int", "choice", "int", "answers", "int"));
        assertThat(columns("polls_participation")).containsExactlyInAnyOrderEntriesOf(Map.of("round_id", "uuid",
            "person_id", "uuid"));

        // swapping who answered what changes nothing an admin can read: the tallies are identical, and so are
        // the markers (the same people answered both)
        assertThat(tallies(b[1])).isEqualTo(tallies(a[1]));
        assertThat(markers(b[1])).isEqualTo(markers(a[1]));
        // and the tallies hold no person anywhere
        String raw = jdbc.sql("SELECT * FROM polls_tally WHERE round_id = ?").param(UUID.fromString(a[1]))
            .query((rs, n) -> rs.getString(1) + rs.getString(2) + rs.getString(3) + rs.getString(4)).list()
            .toString();
        four.forEach(p -> assertThat(raw).doesNotContain(p.id().toString()));

        if (TestDatabase.isPostgres()) {
            // every tally row of a round was last written by the same transaction (the last answer), whatever it chose
            JdbcTemplate t = new JdbcTemplate(dataSource);
            List<String> xmins = t.queryForList("SELECT xmin::text FROM polls_tally WHERE round_id = ?::uuid",
                String.class, a[1]);
            assertThat(Set.copyOf(xmins)).hasSize(1);
            // the markers of everyone but the last answerer were written by transactions no tally row carries
            List<String> markerXmins = t.queryForList(
                "SELECT xmin::text FROM polls_participation WHERE round_id = ?::uuid AND person_id <> ?::uuid",
                String.class, a[1], four.get(3).id().toString());
            assertThat(markerXmins).hasSize(3).doesNotContainAnyElementsOf(xmins);
        }
    }

    void answer(Person p, String poll, Map<String, List<Integer>> answers) {
        var r = p.api(port).post("/api/v1/polls/" + poll + "/answers", Map.of("answers", answers));
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
    }

    Map<String, Integer> tallies(String round) {
        Map<String, Integer> out = new TreeMap<>();
        jdbc.sql("SELECT question, choice, answers FROM polls_tally WHERE round_id = ?").param(UUID.fromString(round))
            .query(rs -> {
                out.put(rs.getInt(1) + "." + rs.getInt(2), rs.getInt(3));
            });
        return out;
    }

    Set<UUID> markers(String round) {
        return Set.copyOf(jdbc.sql("SELECT person_id FROM polls_participation WHERE round_id = ?")
            .param(UUID.fromString(round)).query(UUID.class).list());
    }

    /** Each column of a table and its kind (uuid, int, time, text), as the database describes it. */
    Map<String, String> columns(String table) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (var c = dataSource.getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData m = rs.getMetaData();
            for (int i = 1; i <= m.getColumnCount(); i++) {
                int type = m.getColumnType(i);
                String kind = switch (type) {
                    case Types.INTEGER, Types.BIGINT, Types.SMALLINT -> "int";
                    case Types.DATE, Types.TIME, Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE,
                         Types.TIME_WITH_TIMEZONE -> "time";
                    default -> m.getColumnTypeName(i).toLowerCase().contains("uuid") ? "uuid" : "text";
                };
                out.put(m.getColumnName(i).toLowerCase(), kind);
            }
        }
        return out;
    }
}
