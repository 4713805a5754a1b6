package io.aftercare.identity;

/** What an admin asked for does not fit the account as it is now (or e-mail cannot carry it). */
public class AccountStateException extends RuntimeException {

    public enum Reason {
        /** Invitations are for accounts without a password; a reset goes to the person's own e-mail instead. */
        HAS_PASSWORD,
        /** A reset is for accounts with a password; an invitation is for the others. */
        NO_PASSWORD,
        /** No SMTP server is configured, so nothing can reach the person's own e-mail. */
        MAIL_NOT_CONFIGURED,
        /** The SMTP server did not take the mail (for now). */
        MAIL_NOT_SENT
    }

    private final Reason reason;

    public AccountStateException(Reason reason) {
        super(reason.name());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
