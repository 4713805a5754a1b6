package io.aftercare.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** What counts as the database being away (503, try again) rather than a fault of Aftercare itself (500). */
class DatabaseBusyTest {

    @Test
    void noConnectionATransactionThatCouldNotBeginOrALostConnectionIsTheDatabaseAway() {
        assertThat(DatabaseBusy.is(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
            new SQLTransientConnectionException("request timed out after 3000ms")))).isTrue();
        assertThat(DatabaseBusy.is(new CannotCreateTransactionException("Could not open JDBC Connection")))
            .isTrue();
        // a commit on a connection the server cut, wrapped as an exception of Aftercare's own would be
        assertThat(DatabaseBusy.is(new IllegalStateException("while recording", new TransactionSystemException(
            "Could not commit", new SQLException("An I/O error occurred while sending to the backend", "08006")))))
            .isTrue();
        assertThat(DatabaseBusy.is(new SQLException("the database system is starting up", "57P03"))).isTrue();
    }

    @Test
    void anythingElseIsNot() {
        assertThat(DatabaseBusy.is(new DataIntegrityViolationException("duplicate key"))).isFalse();
        assertThat(DatabaseBusy.is(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(DatabaseBusy.is(new IllegalStateException("a bug"))).isFalse();
        assertThat(DatabaseBusy.is(null)).isFalse();
    }
}
