package io.aftercare.shared;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Busy, try again: no database connection came free within the pool's wait (spring.datasource.hikari
 * .connection-timeout), or the database could not be reached. Pages answer with a calm page, the API with a problem
 * detail; both 503 with {@code Retry-After}, never a 500 (docs/decisions/0051).
 */
public final class DatabaseBusy {

    /** Seconds a caller is asked to wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    public static final String TITLE = "Busy";

    public static final String DETAIL = "Aftercare is busy right now. Please try again in a few seconds.";

    private DatabaseBusy() {
    }

    /**
     * Whether this failure, or one it was caused by, means no database connection could be had: the pool's wait ran
     * out, the database cannot be reached (stopped, restarting, failing over: SQL states 08… and 57P01–57P03), or a
     * transaction could not begin. Anything else (a constraint, a syntax error, a bug) is not.
     */
    public static boolean is(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 16; t = t.getCause(), depth++) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                || t instanceof TransientDataAccessResourceException || t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLException sql && away(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean away(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P0"));
    }

    /** 503 with Retry-After and a problem detail. */
    public static void writeProblem(HttpServletResponse response, String instance) throws IOException {
        response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        response.setHeader("Cache-Control", "no-store");
        ProblemResponses.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, TITLE, DETAIL, instance);
    }
}
