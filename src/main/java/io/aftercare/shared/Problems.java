package io.aftercare.shared;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * RFC 9457 problem details for the API. Field errors travel as {@code errors: [{field, message}]}.
 */
public final class Problems {

    private Problems() {
    }

    public record FieldError(String field, String message) {
    }

    public static ErrorResponseException of(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        return new ErrorResponseException(status, problem, null);
    }

    public static ErrorResponseException notFound(String what) {
        return of(HttpStatus.NOT_FOUND, what + " was not found.");
    }

    public static ErrorResponseException conflict(String detail) {
        return of(HttpStatus.CONFLICT, detail);
    }

    public static ErrorResponseException forbidden(String detail) {
        return of(HttpStatus.FORBIDDEN, detail);
    }

    public static ErrorResponseException badRequest(String field, String message) {
        return badRequest(List.of(new FieldError(field, message)));
    }

    public static ErrorResponseException badRequest(List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
            errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : "The request has " + errors.size() + " invalid fields.");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors.stream()
            .map(e -> Map.of("field", e.field(), "message", e.message())).toList());
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
