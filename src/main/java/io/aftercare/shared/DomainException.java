package io.aftercare.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

import io.aftercare.shared.Problems.FieldError;

/**
 * What business code throws when a request cannot be carried out: invalid input (with the fields at fault), a thing
 * that is not there, a conflict with the current state, or an action the person may not take. It knows nothing of
 * HTTP; the web layer maps it once, to an RFC 9457 problem detail for the API and to inline errors or the error
 * page for pages.
 */
public abstract sealed class DomainException extends RuntimeException
    permits DomainException.Invalid, DomainException.InvalidLines, DomainException.NotFound,
    DomainException.Conflict, DomainException.NotAllowed, DomainException.Unavailable {

    private DomainException(String message) {
        super(message, null, false, false);
    }

    public static Invalid invalid(String field, String message) {
        return new Invalid(List.of(new FieldError(field, message)));
    }

    public static Invalid invalid(List<FieldError> errors) {
        return new Invalid(errors);
    }

    /** A file of lines (a CSV import) with a problem on some of them; nothing of it was taken in. */
    public static InvalidLines invalidLines(List<LineError> errors) {
        return new InvalidLines(errors);
    }

    /** {@code what} names the thing, capitalised: "Incident" gives "Incident was not found." */
    public static NotFound notFound(String what) {
        return new NotFound(what + " was not found.");
    }

    public static Conflict conflict(String detail) {
        return new Conflict(detail);
    }

    public static NotAllowed notAllowed(String detail) {
        return new NotAllowed(detail, null);
    }

    /**
     * As {@link #notAllowed(String)}, with a short code that says why ({@code reason} in the problem detail), for
     * a page or a client to choose its own words.
     */
    public static NotAllowed notAllowed(String detail, String reason) {
        return new NotAllowed(detail, reason);
    }

    /** Something Aftercare depends on (mail, the key store) failed for now; trying again later may work. */
    public static Unavailable unavailable(String detail) {
        return new Unavailable(detail);
    }

    /** A problem on one line of an imported file; lines count from 1, the header included. */
    public record LineError(long line, String message) {
    }

    /** One or more fields are invalid; nothing was changed. */
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    public static final class Invalid extends DomainException {

        private final List<FieldError> errors;

        private Invalid(List<FieldError> errors) {
            super(errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : "The request has " + errors.size() + " invalid fields.");
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an invalid request names at least one field");
            }
            this.errors = List.copyOf(errors);
        }

        public List<FieldError> errors() {
            return errors;
        }

        /** The first message for each field, for showing next to each input of a form. */
        public Map<String, String> byField() {
            Map<String, String> byField = new LinkedHashMap<>();
            errors.forEach(e -> byField.putIfAbsent(e.field(), e.message()));
            return byField;
        }
    }

    /** Some lines of an imported file are invalid; nothing of the file was written. */
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    public static final class InvalidLines extends DomainException {

        private final List<LineError> lines;

        private InvalidLines(List<LineError> lines) {
            super(summary(lines));
            this.lines = List.copyOf(lines);
        }

        private static String summary(List<LineError> lines) {
            if (lines.isEmpty()) {
                throw new IllegalArgumentException("an invalid file names at least one line");
            }
            long count = lines.stream().map(LineError::line).distinct().count();
            return (count == 1 ? "One line has" : count + " lines have") + " a problem, so nothing was imported.";
        }

        public List<LineError> lines() {
            return lines;
        }
    }

    @ResponseStatus(HttpStatus.NOT_FOUND)
    public static final class NotFound extends DomainException {
        private NotFound(String detail) {
            super(detail);
        }
    }

    @ResponseStatus(HttpStatus.CONFLICT)
    public static final class Conflict extends DomainException {
        private Conflict(String detail) {
            super(detail);
        }
    }

    @ResponseStatus(HttpStatus.FORBIDDEN)
    public static final class NotAllowed extends DomainException {

        private final String reason;

        private NotAllowed(String detail, String reason) {
            super(detail);
            this.reason = reason;
        }

        /** Why, as a short code, or empty. */
        public Optional<String> reason() {
            return Optional.ofNullable(reason);
        }
    }

    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    public static final class Unavailable extends DomainException {
        private Unavailable(String detail) {
            super(detail);
        }
    }
}
