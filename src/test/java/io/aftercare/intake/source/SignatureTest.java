package io.aftercare.intake.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every signing scheme: valid, wrong secret, tampered body, expired timestamp, rotated secret, several signatures. */
class SignatureTest {

    static final byte[] BODY = "{\"event\":{\"id\":\"1\",\"event_type\":\"incident.triggered\"}}"
        .getBytes(StandardCharsets.UTF_8);

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
