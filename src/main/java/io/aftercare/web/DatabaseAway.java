package io.aftercare.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means that the database cannot be reached (stopped, restarting, failing over), as opposed to a
 * fault in Aftercare: such requests are answered 503 with a Retry-After (busy, try again shortly), never 500.
 */
final class DatabaseAway {

    /** Seconds a caller is asked to wait before trying again. */
    static final String RETRY_AFTER = "30";

    /** What API callers are told (pages say it through messages, {@code error.503.*}). */
    static final String DETAIL = "Aftercare is busy for a moment. Please try again shortly.";

    private DatabaseAway() {
    }

    static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                || t instanceof TransientDataAccessResourceException || t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLException sql && away(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** SQL states of a connection that failed (08…) or of a server shutting down or starting up (57P01–57P03). */
    private static boolean away(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P0"));
    }
}
