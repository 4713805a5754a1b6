package io.aftercare.intake.source;

/** A payload a parser cannot read: not JSON, or missing what the source always sends. Each parser has its own. */
public class InvalidPayloadException extends RuntimeException {

    public InvalidPayloadException(String message) {
        super(message, null, false, false);
    }
}
