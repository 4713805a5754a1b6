package io.aftercare.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    permits DomainException.Invalid, DomainException.NotFound, DomainException.Conflict, DomainException.NotAllowed {

    private DomainException(String message) {
        super(message, null, false, false);
    }

    public static Invalid invalid(String field, String message) {
        return new Invalid(List.of(new FieldError(field, message)));
    }

    public static Invalid invalid(List<FieldError> errors) {
        return new Invalid(errors);
    }

    /** {@code what} names the thing, capitalised: "Incident" gives "Incident was not found." */
    public static NotFound notFound(String what) {
        return new NotFound(what + " was not found.");
    }

    public static Conflict conflict(String detail) {
        return new Conflict(detail);
    }

    public static NotAllowed notAllowed(String detail) {
        return new NotAllowed(detail);
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
        private NotAllowed(String detail) {
            super(detail);
        }
    }
}
