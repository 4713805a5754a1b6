package io.aftercare.shared;

/**
 * The vocabulary of RFC 9457 problem details that business code shares with the web layer. Business code refuses
 * with {@link DomainException}; the web layer alone turns it into a problem detail, where field errors travel as
 * {@code errors: [{field, message}]}.
 */
public final class Problems {

    private Problems() {
    }

    /** One invalid field and what is wrong with it, in words a person can act on ("is required"). */
    public record FieldError(String field, String message) {
    }
}
