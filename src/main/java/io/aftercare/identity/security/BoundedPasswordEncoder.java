package io.aftercare.identity.security;

import java.nio.charset.StandardCharsets;

import org.springframework.security.crypto.password.PasswordEncoder;

import io.aftercare.identity.account.AccountService;

/**
 * BCrypt reads only the first 72 bytes of a password. No password over that is ever set (the policy refuses it), so
 * a longer one at sign-in never matches: otherwise the stored password with anything added would.
 */
class BoundedPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder delegate;

    BoundedPasswordEncoder(PasswordEncoder delegate) {
        this.delegate = delegate;
    }

    private static boolean tooLong(CharSequence raw) {
        return raw != null
            && raw.toString().getBytes(StandardCharsets.UTF_8).length > AccountService.MAX_PASSWORD_BYTES;
    }

    @Override
    public String encode(CharSequence raw) {
        if (tooLong(raw)) {
            throw new IllegalArgumentException("password over " + AccountService.MAX_PASSWORD_BYTES + " bytes");
        }
        return delegate.encode(raw);
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
        return !tooLong(raw) && delegate.matches(raw, encoded);
    }

    @Override
    public boolean upgradeEncoding(String encoded) {
        return delegate.upgradeEncoding(encoded);
    }
}
