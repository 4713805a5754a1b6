package io.aftercare.web;

import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.aftercare.shared.DatabaseBusy;
import io.aftercare.shared.DomainException;

/**
 * Every API error is an RFC 9457 problem detail; invalid fields are listed as {@code errors: [{field, message}]}.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
            .map(e -> Map.of("field", e.getField(),
                "message", e.getDefaultMessage() == null ? "is invalid" : e.getDefaultMessage()))
            .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
            errors.size() == 1 ? errors.get(0).get("field") + ": " + errors.get(0).get("message")
                : "The request has " + errors.size() + " invalid fields.");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
            "The request has invalid parameters.");
        problem.setTitle("Invalid request");
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
            "The request body is not valid JSON of the expected shape.");
        problem.setTitle("Malformed request body");
        return ResponseEntity.badRequest().body(problem);
    }

    /**
     * No database connection could be had (the pool ran dry, or the database is stopped or restarting): 503 with a
     * Retry-After, so that callers try again (decisions 0049, 0051).
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
        SQLTransientConnectionException.class})
    ResponseEntity<ProblemDetail> databaseAway(Exception ex) {
        LOG.warn("The database cannot be reached ({}); answered 503", ex.getClass().getSimpleName());
        return unavailable();
    }

    private static ResponseEntity<ProblemDetail> unavailable() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
            DatabaseBusy.DETAIL);
        problem.setTitle(DatabaseBusy.TITLE);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
            .header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseBusy.RETRY_AFTER_SECONDS))
            .header(HttpHeaders.CACHE_CONTROL, "no-store").body(problem);
    }

    /**
     * Anything else a controller throws is a 500 problem detail too, never Spring's default error JSON. Security's
     * own exceptions go on to Spring Security, which answers 401 or 403.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) throws Exception {
        if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException) {
            throw ex;
        }
        if (DatabaseBusy.is(ex)) {
            LOG.warn("The database cannot be reached ({}); answered 503", ex.getClass().getSimpleName());
            return unavailable();
        }
        LOG.error("Unexpected error in an API call", ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
            "Something went wrong on our side. Please try again; if it keeps happening, tell your admin.");
        problem.setTitle("Internal Server Error");
        return ResponseEntity.internalServerError().body(problem);
    }

    /** The one place where what business code refuses becomes an HTTP status and a problem detail. */
    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> refused(DomainException ex) {
        HttpStatus status = ex instanceof DomainException.Invalid || ex instanceof DomainException.InvalidLines
            ? HttpStatus.BAD_REQUEST
            : ex instanceof DomainException.NotFound ? HttpStatus.NOT_FOUND
            : ex instanceof DomainException.Conflict ? HttpStatus.CONFLICT
            : ex instanceof DomainException.Unavailable ? HttpStatus.SERVICE_UNAVAILABLE
            : HttpStatus.FORBIDDEN;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
        if (ex instanceof DomainException.Invalid invalid) {
            problem.setTitle("Invalid request");
            problem.setProperty("errors", invalid.errors().stream()
                .map(e -> Map.of("field", e.field(), "message", e.message())).toList());
        }
        if (ex instanceof DomainException.NotAllowed notAllowed) {
            notAllowed.reason().ifPresent(reason -> problem.setProperty("reason", reason));
        }
        if (ex instanceof DomainException.InvalidLines invalid) {
            problem.setTitle("The file was not imported");
            problem.setProperty("errors", invalid.lines().stream()
                .map(e -> Map.<String, Object>of("line", e.line(), "message", e.message())).toList());
        }
        return ResponseEntity.status(status).body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
            ex.getName() + ": is not a valid value");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", ex.getName(), "message", "is not a valid value")));
        return ResponseEntity.badRequest().body(problem);
    }
}
