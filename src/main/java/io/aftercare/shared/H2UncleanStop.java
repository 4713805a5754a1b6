package io.aftercare.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.stereotype.Component;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * A start of Aftercare on an H2 file after it did not stop cleanly (killed, a power cut) rebuilds the indexes of the
 * tables it finds its pending work by, before anything reads them (decision 0076). H2 can open a file after such a
 * stop with part of an unfinished transaction left in a table's indexes: a queued row can then be missing from the
 * index it is found by, or listed there as already done, and never be taken up, with no error to say so. Each start
 * on an H2 file leaves a mark beside it ({@code aftercare.mv.db.running}), and a clean stop takes the mark away;
 * a start that finds the mark rebuilds. Nothing happens on PostgreSQL or an in-memory H2.
 */
@Component
@DependsOnDatabaseInitialization
public class H2UncleanStop {

    private static final Logger log = LoggerFactory.getLogger(H2UncleanStop.class);

    /** Where pending work waits: webhook deliveries, outgoing messages, scheduled steps, events between modules. */
    static final List<String> WORK_TABLES = List.of("intake_delivery", "notify_message", "scheduled_tasks",
        "event_publication");

    private final DataSource dataSource;
    private final BrokenIndexRepair repair;
    private Path mark;

    public H2UncleanStop(DataSource dataSource, BrokenIndexRepair repair) {
        this.dataSource = dataSource;
        this.repair = repair;
    }

    /** Rebuilds the work tables' indexes if the last run left its mark, then leaves this run's. */
    @PostConstruct
    public void start() throws SQLException, IOException {
        try (Connection c = dataSource.getConnection()) {
            mark = markFor(c.getMetaData());
            if (mark == null) {
                return;
            }
            if (Files.exists(mark)) {
                long began = System.nanoTime();
                c.setAutoCommit(true);
                int rebuilt = 0;
                for (String table : WORK_TABLES) {
                    if (exists(c, table)) {
                        rebuilt += repair.rebuildTable(c, c.getSchema(), table).size();
                    }
                }
                log.warn("Aftercare did not stop cleanly last time ({} is still there): rebuilt {} indexes of the "
                    + "tables of pending work, in case the stop left them out of step with their rows, in {} ms",
                    mark.getFileName(), rebuilt, (System.nanoTime() - began) / 1_000_000);
            }
            Files.writeString(mark, "Aftercare started at " + Instant.now() + "; removed when it stops cleanly\n");
        }
    }

    /** A clean stop: the next start need not rebuild anything. */
    @PreDestroy
    public void stop() throws IOException {
        if (mark != null) {
            Files.deleteIfExists(mark);
        }
    }

    /** The mark's path beside an H2 database file, or null for any other database. */
    static Path markFor(DatabaseMetaData database) throws SQLException {
        if (!"H2".equals(database.getDatabaseProductName())) {
            return null;
        }
        return markFor(database.getURL());
    }

    /** {@code jdbc:h2:[file:]path[;settings]} → {@code path.mv.db.running}; null for memory or a server. */
    static Path markFor(String url) {
        if (url == null || !url.startsWith("jdbc:h2:")) {
            return null;
        }
        String rest = url.substring("jdbc:h2:".length());
        int settings = rest.indexOf(';');
        if (settings >= 0) {
            rest = rest.substring(0, settings);
        }
        if (rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:") || rest.startsWith("zip:")) {
            return null;
        }
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        }
        if (rest.startsWith("~")) {
            rest = System.getProperty("user.home") + rest.substring(1);
        }
        return Path.of(rest + ".mv.db.running").toAbsolutePath().normalize();
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), table, new String[] {"TABLE"})) {
            return rs.next();
        }
    }
}
