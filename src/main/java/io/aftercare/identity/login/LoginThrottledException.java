package io.aftercare.identity.login;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins: the caller must wait before trying again. */
public class LoginThrottledException extends AuthenticationException {

    private final Duration wait;
    private final boolean locked;

    public LoginThrottledException(Duration wait, boolean locked) {
        super("Too many failed sign-ins; wait " + wait.toSeconds() + " s");
        this.wait = wait;
        this.locked = locked;
    }

    public Duration waitFor() {
        return wait;
    }

    public boolean locked() {
        return locked;
    }
}
