package io.aftercare.identity.account;

import java.security.SecureRandom;
import java.util.Base64;

import io.aftercare.shared.Sha256;

/** Random one-time secrets (tokens, invitation links) and their stored SHA-256 form. */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    public static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public static String sha256(String value) {
        return Sha256.hex(value);
    }
}
