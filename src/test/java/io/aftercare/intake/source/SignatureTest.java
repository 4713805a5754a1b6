package io.aftercare.intake.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every signing scheme: valid, wrong secret, tampered body, expired timestamp, rotated secret, several signatures. */
class SignatureTest {

    static final byte[] BODY = "{\"event\":{\"id\":\"1\",\"event_type\":\"incident.triggered\"}}"
        .getBytes(StandardCharsets.UTF_8);

    @Nested
    class StandardWebhooksScheme {

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
    }

    @Nested
    class PagerDuty {

        static final String SECRET = "pd-secret-0123456789abcdef";

        @Test
        void validSignatureVerifies() {
            String header = PagerDutySignature.sign(SECRET, BODY);
            assertThat(header).matches("v1=[0-9a-f]{64}");
            assertThat(PagerDutySignature.verify(SECRET, header, BODY)).isTrue();
        }

        @Test
        void knownAnswer() {
            // HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog"), RFC 4231-style known answer
            assertThat(PagerDutySignature.sign("key",
                "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("v1=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
        }

        @Test
        void wrongSecretOrTamperedBodyFails() {
            String header = PagerDutySignature.sign(SECRET, BODY);
            assertThat(PagerDutySignature.verify("another-secret-0123456789", header, BODY)).isFalse();
            byte[] tampered = BODY.clone();
            tampered[5] = 'X';
            assertThat(PagerDutySignature.verify(SECRET, header, tampered)).isFalse();
        }

        @Test
        void duringRotationAnyOfSeveralSignaturesIsEnough() {
            String old = PagerDutySignature.sign("the-old-secret-0123456789", BODY);
            String current = PagerDutySignature.sign(SECRET, BODY);
            assertThat(PagerDutySignature.verify(SECRET, old + ", " + current, BODY)).isTrue();
            assertThat(PagerDutySignature.verify(SECRET, current + "," + old, BODY)).isTrue();
            assertThat(PagerDutySignature.verify(SECRET, old, BODY)).isFalse();
        }

        @Test
        void malformedHeadersFailWithoutThrowing() {
            assertThat(PagerDutySignature.verify(SECRET, null, BODY)).isFalse();
            assertThat(PagerDutySignature.verify(SECRET, "", BODY)).isFalse();
            assertThat(PagerDutySignature.verify(SECRET, "v1=zz", BODY)).isFalse();
            assertThat(PagerDutySignature.verify(SECRET, "v0=" + PagerDutySignature.sign(SECRET, BODY).substring(3), BODY))
                .isFalse();
        }
    }

    @Nested
    class Tokens {

        static final String TOKEN = "ai_a-token-of-enough-length";

        @Test
        void acceptedAsBearerRawAuthorizationBasicPasswordOrCustomHeader() {
            assertThat(TokenAuth.verify(TOKEN, "Bearer " + TOKEN, null)).isTrue();
            assertThat(TokenAuth.verify(TOKEN, TOKEN, null)).isTrue();
            assertThat(TokenAuth.verify(TOKEN, "Basic " + Base64.getEncoder()
                .encodeToString(("alertmanager:" + TOKEN).getBytes(StandardCharsets.UTF_8)), null)).isTrue();
            assertThat(TokenAuth.verify(TOKEN, null, TOKEN)).isTrue();
        }

        @Test
        void wrongOrMissingTokenFails() {
            assertThat(TokenAuth.verify(TOKEN, "Bearer ai_wrong", null)).isFalse();
            assertThat(TokenAuth.verify(TOKEN, "Basic " + Base64.getEncoder().encodeToString("a:b".getBytes()), null))
                .isFalse();
            assertThat(TokenAuth.verify(TOKEN, "Basic %%%", null)).isFalse();
            assertThat(TokenAuth.verify(TOKEN, null, null)).isFalse();
            assertThat(TokenAuth.verify("", "", "")).isFalse();
        }

        @Test
        void rotatedTokensAreCheckedOneByOne() {
            String old = "ai_the-old-token-0123456";
            assertThat(TokenAuth.verify(TOKEN, "Bearer " + old, null)).isFalse();
            assertThat(TokenAuth.verify(old, "Bearer " + old, null)).isTrue();
        }
    }
}
