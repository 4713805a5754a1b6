package io.aftercare.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** What counts as the database being away (503, try again) rather than a fault of Aftercare itself (500). */
class DatabaseAwayTest {

    @Test
    void noConnectionATransactionThatCouldNotBeginOrALostConnectionIsTheDatabaseAway() {
        assertThat(DatabaseAway.causedBy(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
            new SQLTransientConnectionException("request timed out after 3000ms")))).isTrue();
        assertThat(DatabaseAway.causedBy(new CannotCreateTransactionException("Could not open JDBC Connection")))
            .isTrue();
        // a commit on a connection the server cut, wrapped as an exception of Aftercare's own would be
        assertThat(DatabaseAway.causedBy(new IllegalStateException("while recording", new TransactionSystemException(
            "Could not commit", new SQLException("An I/O error occurred while sending to the backend", "08006")))))
            .isTrue();
        assertThat(DatabaseAway.causedBy(new SQLException("the database system is starting up", "57P03"))).isTrue();
    }

    @Test
    void anythingElseIsNot() {
        assertThat(DatabaseAway.causedBy(new DataIntegrityViolationException("duplicate key"))).isFalse();
        assertThat(DatabaseAway.causedBy(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(DatabaseAway.causedBy(new IllegalStateException("a bug"))).isFalse();
        assertThat(DatabaseAway.causedBy(null)).isFalse();
    }
}
