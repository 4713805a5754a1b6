package io.aftercare.identity;

/** A password breaks the policy (12 to 128 characters). */
public class PasswordRejectedException extends RuntimeException {

    private final String messageKey;

    public PasswordRejectedException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
