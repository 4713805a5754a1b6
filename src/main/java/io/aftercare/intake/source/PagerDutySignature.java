package io.aftercare.intake.source;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import io.aftercare.shared.Hmac;

/**
 * PagerDuty Webhooks V3: {@code X-PagerDuty-Signature: v1=<hex HMAC-SHA256 of the raw body>}, several comma-separated
 * while PagerDuty rotates the subscription's secret. Any {@code v1=} entry that matches is enough.
 */
public final class PagerDutySignature {

    public static final String HEADER = "X-PagerDuty-Signature";

    private PagerDutySignature() {
    }

    public static String sign(String secret, byte[] body) {
        return "v1=" + HexFormat.of().formatHex(Hmac.sha256(secret.getBytes(StandardCharsets.UTF_8), body));
    }

    public static boolean verify(String secret, String header, byte[] body) {
        if (secret == null || secret.isEmpty() || header == null || body == null) {
            return false;
        }
        byte[] expected = Hmac.sha256(secret.getBytes(StandardCharsets.UTF_8), body);
        boolean any = false;
        for (String entry : header.split(",")) {
            String e = entry.trim();
            if (!e.startsWith("v1=")) {
                continue;
            }
            byte[] given;
            try {
                given = HexFormat.of().parseHex(e.substring(3).toLowerCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                continue;
            }
            any |= Hmac.equal(expected, given);
        }
        return any;
    }
}
