package io.aftercare.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/**
 * The one Standard Webhooks signer and verifier (intake verifies with it, outbound webhooks sign with it), against the
 * test vector published in the specification's repository and libraries.
 */
class StandardWebhooksTest {

    static final byte[] BODY = "{\"event\":{\"id\":\"1\",\"event_type\":\"incident.triggered\"}}"
        .getBytes(StandardCharsets.UTF_8);

    // the test vector published in the Standard Webhooks specification repository
    static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long SPEC_TIMESTAMP = 1614265330;
    static final byte[] SPEC_BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    static final Instant AT_SPEC_TIME = Instant.ofEpochSecond(SPEC_TIMESTAMP);

    @Test
    void signsTheSpecificationsTestVector() {
        assertThat(StandardWebhooks.sign(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY)).isEqualTo(SPEC_SIGNATURE);
    }

    @Test
    void verifiesTheSpecificationsTestVector() {
        assertThat(StandardWebhooks.verify(SPEC_SECRET, SPEC_ID, "1614265330", SPEC_SIGNATURE, SPEC_BODY,
            AT_SPEC_TIME)).isTrue();
    }

    @Test
    void wrongSecretFails() {
        String other = "whsec_" + Base64.getEncoder().encodeToString("another-secret-of-32-bytes-long!".getBytes());
        assertThat(StandardWebhooks.verify(other, SPEC_ID, "1614265330", SPEC_SIGNATURE, SPEC_BODY, AT_SPEC_TIME))
            .isFalse();
    }

    @Test
    void tamperedBodyOrIdFails() {
        byte[] tampered = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);
        assertThat(StandardWebhooks.verify(SPEC_SECRET, SPEC_ID, "1614265330", SPEC_SIGNATURE, tampered,
            AT_SPEC_TIME)).isFalse();
        assertThat(StandardWebhooks.verify(SPEC_SECRET, "msg_other", "1614265330", SPEC_SIGNATURE, SPEC_BODY,
            AT_SPEC_TIME)).isFalse();
    }

    @Test
    void timestampOutsideFiveMinutesEitherWayFails() {
        assertThat(StandardWebhooks.verify(SPEC_SECRET, SPEC_ID, "1614265330", SPEC_SIGNATURE, SPEC_BODY,
            AT_SPEC_TIME.plusSeconds(301))).as("expired").isFalse();
        assertThat(StandardWebhooks.verify(SPEC_SECRET, SPEC_ID, "1614265330", SPEC_SIGNATURE, SPEC_BODY,
            AT_SPEC_TIME.minusSeconds(301))).as("from the future").isFalse();
        assertThat(StandardWebhooks.verify(SPEC_SECRET, SPEC_ID, "1614265330", SPEC_SIGNATURE, SPEC_BODY,
            AT_SPEC_TIME.plusSeconds(299))).as("within tolerance").isTrue();
    }

    @Test
    void severalSignaturesPassIfAnyV1Matches() {
        String header = "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE= "
            + SPEC_SIGNATURE;
        assertThat(StandardWebhooks.verify(SPEC_SECRET, SPEC_ID, "1614265330", header, SPEC_BODY, AT_SPEC_TIME))
            .isTrue();
        // the right signature under another version is not a v1 signature
        assertThat(StandardWebhooks.verify(SPEC_SECRET, SPEC_ID, "1614265330",
            "v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", SPEC_BODY, AT_SPEC_TIME)).isFalse();
    }

    @Test
    void rotatedSecretsBothVerifyTheirOwnSignatures() {
        String newSecret = "whsec_" + Base64.getEncoder().encodeToString("a-new-secret-after-rotation-0001".getBytes());
        long now = 1_800_000_000L;
        String signedWithOld = StandardWebhooks.sign(SPEC_SECRET, "msg_1", now, BODY);
        String signedWithNew = StandardWebhooks.sign(newSecret, "msg_1", now, BODY);
        Instant at = Instant.ofEpochSecond(now);
        assertThat(StandardWebhooks.verify(newSecret, "msg_1", "" + now, signedWithNew, BODY, at)).isTrue();
        assertThat(StandardWebhooks.verify(newSecret, "msg_1", "" + now, signedWithOld, BODY, at)).isFalse();
        assertThat(StandardWebhooks.verify(newSecret, "msg_1", "" + now, signedWithOld + " " + signedWithNew,
            BODY, at)).isTrue();
    }

    @Test
    void missingOrMalformedPartsFailWithoutThrowing() {
        assertThat(StandardWebhooks.verify(SPEC_SECRET, null, "1614265330", SPEC_SIGNATURE, SPEC_BODY, AT_SPEC_TIME)).isFalse();
        assertThat(StandardWebhooks.verify(SPEC_SECRET, SPEC_ID, null, SPEC_SIGNATURE, SPEC_BODY, AT_SPEC_TIME)).isFalse();
        assertThat(StandardWebhooks.verify(SPEC_SECRET, SPEC_ID, "soon", SPEC_SIGNATURE, SPEC_BODY, AT_SPEC_TIME)).isFalse();
        assertThat(StandardWebhooks.verify(SPEC_SECRET, SPEC_ID, "1614265330", null, SPEC_BODY, AT_SPEC_TIME)).isFalse();
        assertThat(StandardWebhooks.verify(SPEC_SECRET, SPEC_ID, "1614265330", "v1,not base64!", SPEC_BODY, AT_SPEC_TIME)).isFalse();
        assertThat(StandardWebhooks.verify("whsec_***", SPEC_ID, "1614265330", SPEC_SIGNATURE, SPEC_BODY, AT_SPEC_TIME)).isFalse();
    }

    @Test
    void aNewSecretIsAWhsecSecretOf32RandomBytesThatSignsAndVerifies() {
        String secret = StandardWebhooks.newSecret();
        assertThat(secret).startsWith("whsec_");
        assertThat(StandardWebhooks.key(secret)).hasSize(32);
        assertThat(StandardWebhooks.newSecret()).isNotEqualTo(secret);
        long now = 1_800_000_000L;
        String signature = StandardWebhooks.sign(secret, "msg_2", now, BODY);
        assertThat(StandardWebhooks.verify(secret, "msg_2", "" + now, signature, BODY, Instant.ofEpochSecond(now)))
            .isTrue();
    }
}
