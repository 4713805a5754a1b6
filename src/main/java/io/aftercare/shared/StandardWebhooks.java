package io.aftercare.shared;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The Standard Webhooks signing scheme (incident.io's, and Aftercare's own outbound webhooks): a base64
 * HMAC-SHA256 over {@code id.timestamp.body} with the key decoded from after {@code whsec_}, sent as space-separated
 * {@code v1,<base64>} entries in {@code webhook-signature}; the timestamp must be within the tolerance of now.
 * One implementation for both directions: intake verifies with it, notify's outbound webhooks sign with it.
 */
public final class StandardWebhooks {

    public static final String PREFIX = "whsec_";
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private static final SecureRandom RANDOM = new SecureRandom();

    private StandardWebhooks() {
    }

    /** A new random secret: {@code whsec_} and the base64 of 32 random bytes. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    /** The secret's key bytes, or {@code null} when it is not a {@code whsec_} base64 secret. */
    public static byte[] key(String secret) {
        if (secret == null) {
            return null;
        }
        String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        try {
            byte[] key = Base64.getDecoder().decode(encoded);
            return key.length == 0 ? null : key;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The {@code webhook-signature} value for one message: {@code v1,<base64>}. */
    public static String sign(String secret, String id, long timestamp, byte[] body) {
        byte[] key = key(secret);
        if (key == null) {
            throw new IllegalArgumentException("not a whsec_ secret");
        }
        return "v1," + Base64.getEncoder().encodeToString(mac(key, id, timestamp, body));
    }

    private static byte[] mac(byte[] key, String id, long timestamp, byte[] body) {
        byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        return Hmac.sha256(key, prefix, body);
    }

    /**
     * Whether any {@code v1} entry of the header signs this message with the secret and the timestamp is within
     * {@link #TOLERANCE} of now (either way). Missing or malformed parts simply do not verify.
     */
    public static boolean verify(String secret, String id, String timestamp, String signatures, byte[] body,
                                 Instant now) {
        byte[] key = key(secret);
        if (key == null || id == null || id.isBlank() || timestamp == null || signatures == null || body == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            return false;
        }
        byte[] expected = mac(key, id, seconds, body);
        boolean any = false;
        for (String entry : signatures.trim().split(" +")) {
            int comma = entry.indexOf(',');
            if (comma < 0 || !entry.substring(0, comma).equals("v1")) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(entry.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                continue;
            }
            any |= Hmac.equal(expected, given); // no early exit: every entry is compared
        }
        return any;
    }
}
