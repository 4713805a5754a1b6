package io.aftercare.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.aftercare.support.BrokenH2Index;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * An H2 file in the state a crash left the chaos test's (WebhookBurstChaos, 2026-12-06): one row of the delivery
 * queue missing from its table's indexes, so that "UPDATE … WHERE id = ?" of that row failed with "Timeout trying to
 * lock table {0}" (caused by "Row not found when trying to delete from index
 * \"public.intake_delivery_incident_fk_INDEX_5: 1526\"") at every try, and the queue behind it stood still. The state
 * is made here through H2's own engine: the row's entries are taken out of three of the indexes, as the crash had.
 */
class BrokenIndexRepairTest {

    @TempDir
    Path dir;

    private JdbcDataSource dataSource;
    private SimpleMeterRegistry meters;
    private BrokenIndexRepair repair;

    @BeforeEach
    void database() throws SQLException {
        dataSource = BrokenH2Index.fileDatabase(dir);
        meters = new SimpleMeterRegistry();
        repair = new BrokenIndexRepair(dataSource, meters);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE incident (id INT PRIMARY KEY)");
            s.execute("""
                CREATE TABLE delivery (id INT PRIMARY KEY, seq INT NOT NULL, outcome VARCHAR(20) NOT NULL,
                  channel VARCHAR(20) NOT NULL, dedupe_key VARCHAR(40), incident_id INT, attempts INT DEFAULT 0,
                  CONSTRAINT delivery_dedupe_unique UNIQUE (channel, dedupe_key),
                  CONSTRAINT delivery_incident_fk FOREIGN KEY (incident_id) REFERENCES incident (id)
                    ON DELETE SET NULL)""");
            s.execute("CREATE INDEX delivery_outcome_idx ON delivery (outcome, seq)");
            // another table's foreign key on the queue's primary key, as the payloads' is
            s.execute("CREATE TABLE payload (delivery_id INT PRIMARY KEY REFERENCES delivery (id), body VARCHAR(99))");
            s.execute("INSERT INTO incident VALUES (1), (2)");
            for (int i = 1; i <= 40; i++) {
                s.execute("INSERT INTO delivery (id, seq, outcome, channel, dedupe_key, incident_id) VALUES (" + i
                    + ", " + i + ", 'QUEUED', 'pagerduty', 'event-" + i + "', " + (i % 3 == 0 ? "1" : "NULL") + ")");
                s.execute("INSERT INTO payload VALUES (" + i + ", '{}')");
            }
        }
    }

    @Test
    void aRowMissingFromItsIndexesCanBeUpdatedAgainOnceTheTableIsRebuilt() throws SQLException {
        breakIndexes(26, Set.of("delivery_outcome_idx", "delivery_dedupe_unique", "delivery_incident_fk"));

        Throwable stuck = catchThrowable(() -> settle(26));
        assertThat(stuck).as("the crash's symptom").isInstanceOf(SQLException.class)
            .hasMessageContaining("Timeout trying to lock table");
        assertThat(BrokenIndexRepair.brokenIndex(stuck)).hasValueSatisfying(index -> {
            assertThat(index.schema()).isEqualTo("public");
            assertThat(index.name()).startsWith("delivery_");
        });

        assertThat(repair.repaired(stuck)).isTrue();

        settle(26);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("UPDATE delivery SET attempts = attempts + 1")).as("every row").isEqualTo(40);
            // each index finds the rows the table holds, the repaired one among them
            assertThat(ids(s, "SELECT id FROM delivery USE INDEX (delivery_outcome_idx) WHERE outcome = 'ACCEPTED'"))
                .containsExactly(26);
            assertThat(ids(s, "SELECT id FROM delivery WHERE channel = 'pagerduty' AND dedupe_key = 'event-26'"))
                .containsExactly(26);
            assertThat(ids(s, "SELECT id FROM delivery WHERE incident_id = 2")).containsExactly(26);
            // the constraints still hold: a redelivery is refused, a missing incident too
            assertThat(catchThrowable(() -> s.execute("INSERT INTO delivery (id, seq, outcome, channel, dedupe_key) "
                + "VALUES (99, 99, 'QUEUED', 'pagerduty', 'event-26')"))).hasMessageContaining("Unique index");
            assertThat(catchThrowable(() -> s.execute("UPDATE delivery SET incident_id = 7 WHERE id = 1")))
                .hasMessageContaining("Referential integrity");
            // deleting an incident still clears it from the queue (the foreign key's ON DELETE SET NULL)
            s.execute("DELETE FROM incident WHERE id = 2");
            assertThat(ids(s, "SELECT id FROM delivery WHERE id = 26 AND incident_id IS NULL")).containsExactly(26);
        }
        assertThat(meters.counter("aftercare.database.indexes.rebuilt").count()).isEqualTo(1.0);
    }

    @Test
    void anyOtherFailureIsLeftAlone() throws SQLException {
        Throwable duplicate;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            duplicate = catchThrowable(() -> s.execute("INSERT INTO delivery (id, seq, outcome, channel, dedupe_key) "
                + "VALUES (99, 99, 'QUEUED', 'pagerduty', 'event-1')"));
        }
        assertThat(duplicate).isInstanceOf(SQLException.class);
        assertThat(BrokenIndexRepair.brokenIndex(duplicate)).isEmpty();
        assertThat(repair.repaired(duplicate)).isFalse();
        assertThat(repair.repaired(new IllegalStateException("Row not found when trying to delete from index "
            + "\"public.delivery_outcome_idx: 1\""))).as("only H2's own error, by its code").isFalse();
        assertThat(meters.counter("aftercare.database.indexes.rebuilt").count()).isZero();
    }

    @Test
    void onlyTheTablesIndexesAndUniqueAndForeignKeysAreRebuiltNeverItsPrimaryKey() {
        String table = "\"public\".\"delivery\"";
        String index = "CREATE INDEX \"public\".\"delivery_outcome_idx\" ON "
            + "\"public\".\"delivery\"(\"outcome\" NULLS LAST, \"seq\" NULLS LAST);";
        assertThat(BrokenIndexRepair.rebuildFor(index, table)).isEqualTo(new BrokenIndexRepair.Rebuild(
            "delivery_outcome_idx", "DROP INDEX \"public\".\"delivery_outcome_idx\"", index));
        String foreignKey = "ALTER TABLE \"public\".\"delivery\" ADD CONSTRAINT \"public\".\"delivery_incident_fk\" "
            + "FOREIGN KEY(\"incident_id\") REFERENCES \"public\".\"incident\"(\"id\") ON DELETE SET NULL NOCHECK;";
        assertThat(BrokenIndexRepair.rebuildFor(foreignKey, table)).isEqualTo(new BrokenIndexRepair.Rebuild(
            "delivery_incident_fk",
            "ALTER TABLE \"public\".\"delivery\" DROP CONSTRAINT \"public\".\"delivery_incident_fk\"", foreignKey));
        assertThat(BrokenIndexRepair.rebuildFor("ALTER TABLE \"public\".\"delivery\" ADD CONSTRAINT "
            + "\"public\".\"CONSTRAINT_B9\" PRIMARY KEY(\"id\");", table)).isNull();
        assertThat(BrokenIndexRepair.rebuildFor(
            "CREATE INDEX \"public\".\"payload_idx\" ON \"public\".\"payload\"(\"x\");", table))
            .as("another table's").isNull();
        assertThat(BrokenIndexRepair.rebuildFor("CREATE MEMORY TABLE \"public\".\"delivery\"(\"id\" INTEGER);",
            table)).isNull();
    }

    @Test
    void aBrokenPrimaryKeyIsNotRebuiltSoItIsNotTriedAgainAndAgain() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE queue (id VARCHAR(40) PRIMARY KEY, outcome VARCHAR(20))");
            s.execute("CREATE INDEX queue_outcome_idx ON queue (outcome)");
            s.execute("INSERT INTO queue VALUES ('a', 'QUEUED'), ('b', 'QUEUED')");
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            assertThat(BrokenH2Index.takeOut(c, "queue", "a", Set.of("PRIMARY_KEY"))).isEqualTo(1);
            c.commit();
        }
        Throwable stuck;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // found by its other index: by its primary key it is not found at all
            stuck = catchThrowable(
                () -> s.executeUpdate("UPDATE queue SET outcome = 'ACCEPTED' WHERE outcome = 'QUEUED'"));
        }
        assertThat(BrokenIndexRepair.brokenIndex(stuck)).hasValueSatisfying(
            index -> assertThat(index.name()).startsWith("PRIMARY_KEY"));

        assertThat(repair.repaired(stuck)).as("the failure would only come again").isFalse();
    }

    private void settle(int id) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE delivery SET outcome = 'ACCEPTED', incident_id = 2 WHERE id = " + id);
        }
    }

    /** Takes the row's entries out of the named indexes (a constraint's by its name's start), through H2's engine. */
    private void breakIndexes(int id, Set<String> names) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            assertThat(BrokenH2Index.takeOut(c, "delivery", id, names)).as("indexes broken").isEqualTo(names.size());
            c.commit();
        }
    }

    private static List<Integer> ids(Statement s, String query) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                ids.add(rs.getInt(1));
            }
        }
        return ids;
    }
}
