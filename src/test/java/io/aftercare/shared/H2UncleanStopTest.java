package io.aftercare.shared;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The silent form of what a crash left in the chaos test's H2 file (decision 0076): a queued row that the queue's
 * index lists as done, so that the reader, which finds queued rows by that index, never sees it and no error says
 * so. A start after an unclean stop rebuilds the indexes of the tables of pending work; a start after a clean one
 * does not.
 */
class H2UncleanStopTest {

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
            s.execute("CREATE TABLE intake_delivery (id INT PRIMARY KEY, seq INT NOT NULL, outcome VARCHAR(20))");
            s.execute("CREATE INDEX intake_delivery_outcome_idx ON intake_delivery (outcome, seq)");
            s.execute("CREATE TABLE other_table (id INT PRIMARY KEY, name VARCHAR(20))");
            s.execute("CREATE INDEX other_table_name_idx ON other_table (name)");
            for (int i = 1; i <= 10; i++) {
                s.execute("INSERT INTO intake_delivery VALUES (" + i + ", " + i + ", 'QUEUED')");
            }
        }
    }

    @Test
    void aStartAfterAnUncleanStopFindsTheQueuedRowsTheIndexHadLost() throws Exception {
        Path mark = dir.resolve("aftercare.mv.db.running");
        H2UncleanStop first = new H2UncleanStop(dataSource, repair);
        first.start();
        assertThat(mark).as("left while running").exists();
        assertThat(rebuilt()).as("the first start found no mark").isZero();

        // then killed, its file left with row 5 out of the index the queue is read by
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            assertThat(BrokenH2Index.takeOut(c, "intake_delivery", 5, Set.of("intake_delivery_outcome_idx")))
                .isEqualTo(1);
            c.commit();
        }
        assertThat(queued()).as("unseen, and nothing fails").hasSize(9).doesNotContain(5);

        new H2UncleanStop(dataSource, repair).start();
        assertThat(queued()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(rebuilt()).as("the tables of pending work that exist, not any other").isEqualTo(1.0);
        assertThat(mark).exists();
    }

    @Test
    void aStartAfterACleanStopRebuildsNothing() throws Exception {
        H2UncleanStop running = new H2UncleanStop(dataSource, repair);
        running.start();
        running.stop();
        assertThat(dir.resolve("aftercare.mv.db.running")).doesNotExist();
        new H2UncleanStop(dataSource, repair).start();
        assertThat(rebuilt()).isZero();
    }

    @Test
    void theMarkLiesBesideAnH2FileAndNowhereElse() {
        assertThat(H2UncleanStop.markFor("jdbc:h2:file:/srv/aftercare/data/aftercare;MODE=PostgreSQL;WRITE_DELAY=0"))
            .isEqualTo(Path.of("/srv/aftercare/data/aftercare.mv.db.running"));
        assertThat(H2UncleanStop.markFor("jdbc:h2:./data/aftercare"))
            .isEqualTo(Path.of("data/aftercare.mv.db.running").toAbsolutePath());
        assertThat(H2UncleanStop.markFor("jdbc:h2:mem:t1;DB_CLOSE_DELAY=-1")).isNull();
        assertThat(H2UncleanStop.markFor("jdbc:h2:tcp://db:9092/aftercare")).isNull();
        assertThat(H2UncleanStop.markFor("jdbc:postgresql://db:5432/aftercare")).isNull();
    }

    private double rebuilt() {
        return meters.counter("aftercare.database.indexes.rebuilt").count();
    }

    private List<Integer> queued() throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM intake_delivery USE INDEX (intake_delivery_outcome_idx) "
                 + "WHERE outcome = 'QUEUED' ORDER BY outcome, seq")) {
            while (rs.next()) {
                ids.add(rs.getInt(1));
            }
        }
        return ids;
    }
}
