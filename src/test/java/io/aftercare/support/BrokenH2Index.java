package io.aftercare.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;

import org.h2.engine.SessionLocal;
import org.h2.index.Index;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.result.Row;
import org.h2.table.Table;

/**
 * The state a crash left an H2 file in (decision 0076), made through H2's own engine: a row of a table taken out of
 * some of the table's indexes, in the connection's transaction. Every later update or delete of the row then fails
 * with "Timeout trying to lock table {0}", caused by "Row not found when trying to delete from index".
 */
public final class BrokenH2Index {

    private BrokenH2Index() {
    }

    /**
     * An H2 file database named {@code aftercare} in {@code dir}, in the mode Aftercare runs it, with a short lock
     * timeout: a row missing from an index then fails in 0.3 s instead of H2's default wait.
     */
    public static JdbcDataSource fileDatabase(Path dir) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + dir.resolve("aftercare") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "LOCK_TIMEOUT=300");
        dataSource.setUser("aftercare");
        return dataSource;
    }

    /**
     * Takes the row whose {@code id} column is {@code id} out of each index of {@code table} whose name starts with
     * one of {@code names} (a constraint's index is named after the constraint).
     *
     * @return how many indexes the row was taken out of
     */
    public static int takeOut(Connection connection, String table, Object id, Set<String> names) throws SQLException {
        SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
        Table t = session.getDatabase().getSchema("public").findTableOrView(session, table);
        long key;
        try (PreparedStatement s = connection.prepareStatement("SELECT _rowid_ FROM " + table + " WHERE id = ?")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no row " + id + " in " + table);
                }
                key = rs.getLong(1);
            }
        }
        Row row = t.getRow(session, key);
        int taken = 0;
        for (Index index : t.getIndexes()) {
            if (names.stream().anyMatch(n -> index.getName().startsWith(n))) {
                index.remove(session, row);
                taken++;
            }
        }
        return taken;
    }
}
