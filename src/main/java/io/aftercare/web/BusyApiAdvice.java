package io.aftercare.web;

import java.sql.SQLTransientConnectionException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.aftercare.shared.DatabaseBusy;

/** API calls that found no database connection in time: 503 problem detail with Retry-After (see {@link DatabaseBusy}). */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class BusyApiAdvice {

    @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class,
        SQLTransientConnectionException.class})
    ResponseEntity<ProblemDetail> busy(Exception ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DatabaseBusy.DETAIL);
        problem.setTitle(DatabaseBusy.TITLE);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
            .header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseBusy.RETRY_AFTER_SECONDS))
            .header(HttpHeaders.CACHE_CONTROL, "no-store")
            .body(problem);
    }
}
