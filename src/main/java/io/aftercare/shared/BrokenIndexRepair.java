package io.aftercare.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Rebuilds the indexes of an H2 table that a crash left out of step with its rows (decision 0076). After a SIGKILL in
 * the middle of a burst of writes, H2 2.4 has been seen to open its file with a row whose entries in the table's
 * indexes are missing or belong to another row; every later update or delete of that row then fails ("Row not found
 * when trying to delete from index", which H2 retries until its lock timeout and reports as "Timeout trying to lock
 * table"), for ever. Given such a failure, this rebuilds every index of the table but its primary key, each from the
 * table's rows, so that the caller can try again. Nothing is done on PostgreSQL, or for any other failure.
 */
@Component
public class BrokenIndexRepair {

    private static final Logger log = LoggerFactory.getLogger(BrokenIndexRepair.class);

    /** H2's {@code ErrorCode.ROW_NOT_FOUND_WHEN_DELETING_1}. */
    static final int ROW_NOT_FOUND_WHEN_DELETING = 90112;

    /** H2's message names the index as {@code "schema.index: row key"}. */
    private static final Pattern INDEX = Pattern.compile("index \"([^\".]+)\\.([^\":]+): [^\"]*\"");

    /** An index of a table in its schema, as H2 names it. */
    record Index(String schema, String name) {
    }

    private final DataSource dataSource;
    private final Counter rebuilt;

    public BrokenIndexRepair(DataSource dataSource, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.rebuilt = Counter.builder("aftercare.database.indexes.rebuilt")
            .description("H2 tables whose indexes were rebuilt because a crash had left them out of step with the rows")
            .register(meters);
    }

    /** The index that H2 could not find a row in, if that is what this failure, or one it was caused by, is. */
    static Optional<Index> brokenIndex(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 16; t = t.getCause(), depth++) {
            if (t instanceof SQLException sql && sql.getErrorCode() == ROW_NOT_FOUND_WHEN_DELETING
                && sql.getMessage() != null) {
                Matcher m = INDEX.matcher(sql.getMessage());
                if (m.find()) {
                    return Optional.of(new Index(m.group(1), m.group(2)));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * When the failure is H2 missing a row in an index, rebuilds the indexes of that index's table.
     *
     * @return whether they were rebuilt, so that what failed may be tried again
     */
    public boolean repaired(Throwable failure) {
        Optional<Index> index = brokenIndex(failure);
        if (index.isEmpty()) {
            return false;
        }
        synchronized (this) {
            try (Connection c = dataSource.getConnection()) {
                if (!"H2".equals(c.getMetaData().getDatabaseProductName())) {
                    return false;
                }
                c.setAutoCommit(true);
                return rebuild(c, index.get());
            } catch (SQLException e) {
                log.error("Could not rebuild the indexes of the table of H2 index {}.{}, which a crash left out of "
                    + "step with its rows; see docs/operations.md, \"A database file damaged by a crash\": {}",
                    index.get().schema(), index.get().name(), e.toString());
                return false;
            }
        }
    }

    private boolean rebuild(Connection c, Index index) throws SQLException {
        String table = one(c,
            "SELECT table_name FROM information_schema.indexes WHERE index_schema = ? AND index_name = ?", index);
        if (table == null) {
            return false; // rebuilt meanwhile, under another name: the caller's next try will tell
        }
        // a constraint's index is made again with the constraint, under a name of its own
        String owner = one(c, "SELECT constraint_name FROM information_schema.table_constraints "
            + "WHERE index_schema = ? AND index_name = ?", index);
        Set<String> rebuilt = rebuildTable(c, index.schema(), table);
        boolean mended = rebuilt.contains(owner != null ? owner : index.name());
        if (mended) {
            log.warn("Rebuilt {} indexes of H2 table {}.{}: a crash had left index {} out of step with the table's "
                + "rows", rebuilt.size(), index.schema(), table, index.name());
        } else {
            // the primary key's own index, or one that could not be dropped: trying again would only fail again
            log.error("H2 index {} of table {}.{} is out of step with the table's rows and cannot be rebuilt while "
                + "Aftercare runs; see docs/operations.md, \"A database file damaged by a crash\"", index.name(),
                index.schema(), table);
        }
        return mended;
    }

    private static String one(Connection c, String query, Index index) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(query)) {
            s.setString(1, index.schema());
            s.setString(2, index.name());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * Rebuilds every index of the table but its primary key, each from the table's rows (H2 only).
     *
     * @return the names of the indexes and constraints rebuilt
     */
    Set<String> rebuildTable(Connection c, String schema, String table) throws SQLException {
        String qualified = quote(schema) + "." + quote(table);
        List<Rebuild> rebuilds = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SCRIPT NODATA TABLE " + qualified)) {
            while (rs.next()) {
                Rebuild r = rebuildFor(rs.getString(1), qualified);
                if (r != null) {
                    rebuilds.add(r);
                }
            }
        }
        Set<String> done = new LinkedHashSet<>();
        try (Statement s = c.createStatement()) {
            for (Rebuild r : rebuilds) {
                try {
                    s.execute(r.drop());
                } catch (SQLException e) {
                    // another table's foreign key needs this one (a unique constraint), or a constraint uses it (an
                    // index): left as it is
                    log.warn("Could not drop {} to rebuild it: {}", r.drop(), e.getMessage());
                    continue;
                }
                try {
                    s.execute(r.create());
                } catch (SQLException e) {
                    // only a unique constraint can fail here, when the crash left two rows that break it
                    log.error("Dropped and could not make again, so it is missing until made by hand: {} ({}); see "
                        + "docs/operations.md, \"A database file damaged by a crash\"", r.create(), e.getMessage());
                    continue;
                }
                done.add(r.name());
            }
        }
        if (!done.isEmpty()) {
            rebuilt.increment();
        }
        return done;
    }

    /** How to rebuild one index or constraint: its name, and the statements that drop it and make it again. */
    record Rebuild(String name, String drop, String create) {
    }

    /**
     * How to rebuild what {@code create} (one of {@code SCRIPT}'s) makes, when it is an index of the table or a unique
     * or foreign key constraint on it (each has an index of its own); null for anything else, the primary key among
     * them.
     */
    static Rebuild rebuildFor(String create, String qualifiedTable) {
        Matcher index = Pattern.compile("^CREATE (?:UNIQUE (?:NULLS (?:NOT )?DISTINCT )?)?INDEX "
            + "(\"[^\"]+\"\\.\"([^\"]+)\") ON " + Pattern.quote(qualifiedTable) + "\\(").matcher(create);
        if (index.find()) {
            return new Rebuild(index.group(2), "DROP INDEX " + index.group(1), create);
        }
        Matcher constraint = Pattern.compile("^ALTER TABLE " + Pattern.quote(qualifiedTable)
            + " ADD CONSTRAINT (\"[^\"]+\"\\.\"([^\"]+)\") (?:UNIQUE|FOREIGN KEY)").matcher(create);
        if (constraint.find()) {
            return new Rebuild(constraint.group(2),
                "ALTER TABLE " + qualifiedTable + " DROP CONSTRAINT " + constraint.group(1), create);
        }
        return null;
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
