package io.aftercare.intake.source;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.aftercare.shared.Hmac;

/**
 * Sources without signing (Alertmanager, Grafana OnCall, Opsgenie, the generic webhook) send a shared token. It is
 * accepted as {@code Authorization: Bearer <token>}, as the whole {@code Authorization} value (Grafana OnCall's
 * "Authorization header" field), as the password of {@code Authorization: Basic} (any user name), or in
 * {@code X-Aftercare-Token} (Opsgenie's custom headers). Compared in constant time.
 */
public final class TokenAuth {

    public static final String HEADER = "X-Aftercare-Token";

    private TokenAuth() {
    }

    public static boolean verify(String secret, String authorization, String tokenHeader) {
        if (secret == null || secret.isEmpty()) {
            return false;
        }
        byte[] expected = secret.getBytes(StandardCharsets.UTF_8);
        boolean ok = false;
        if (tokenHeader != null) {
            ok |= Hmac.equal(expected, tokenHeader.trim().getBytes(StandardCharsets.UTF_8));
        }
        if (authorization != null) {
            String a = authorization.trim();
            ok |= Hmac.equal(expected, a.getBytes(StandardCharsets.UTF_8));
            if (a.regionMatches(true, 0, "Bearer ", 0, 7)) {
                ok |= Hmac.equal(expected, a.substring(7).trim().getBytes(StandardCharsets.UTF_8));
            } else if (a.regionMatches(true, 0, "Basic ", 0, 6)) {
                try {
                    String pair = new String(Base64.getDecoder().decode(a.substring(6).trim()), StandardCharsets.UTF_8);
                    int colon = pair.indexOf(':');
                    if (colon >= 0) {
                        ok |= Hmac.equal(expected, pair.substring(colon + 1).getBytes(StandardCharsets.UTF_8));
                    }
                } catch (IllegalArgumentException e) {
                    // not base64: not this scheme
                }
            }
        }
        return ok;
    }
}
