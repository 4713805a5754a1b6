package io.aftercare.notify.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Slack's request signature against the worked example in Slack's “Verifying requests from Slack”. */
class SlackSignatureTest {

    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final String TIMESTAMP = "1531420618";
    static final byte[] BODY = ("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
        + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
        + "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands"
        + "%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
        + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c").getBytes(StandardCharsets.UTF_8);
    static final String SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    static final Instant THEN = Instant.ofEpochSecond(1531420618);

    @Test
    void slacksOwnExampleIsSignedAsSlackSays() {
        assertThat(SlackSignature.sign(SECRET, TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
        assertThat(SlackSignature.verify(SECRET, TIMESTAMP, SIGNATURE, BODY, THEN)).isTrue();
    }

    @Test
    void aChangedBodySecretTimestampOrSignatureIsRefused() {
        byte[] changed = BODY.clone();
        changed[changed.length - 1] = 'd';
        assertThat(SlackSignature.verify(SECRET, TIMESTAMP, SIGNATURE, changed, THEN)).isFalse();
        assertThat(SlackSignature.verify("another-secret", TIMESTAMP, SIGNATURE, BODY, THEN)).isFalse();
        assertThat(SlackSignature.verify(SECRET, "1531420619", SIGNATURE, BODY, THEN)).isFalse();
        assertThat(SlackSignature.verify(SECRET, TIMESTAMP, SIGNATURE.replace("v0=a", "v0=b"), BODY, THEN))
            .isFalse();
        assertThat(SlackSignature.verify(SECRET, TIMESTAMP, SIGNATURE.toUpperCase(), BODY, THEN)).isFalse();
    }

    @Test
    void onlyWithinFiveMinutesEitherWay() {
        assertThat(SlackSignature.verify(SECRET, TIMESTAMP, SIGNATURE, BODY, THEN.plusSeconds(300))).isTrue();
        assertThat(SlackSignature.verify(SECRET, TIMESTAMP, SIGNATURE, BODY, THEN.minusSeconds(300))).isTrue();
        assertThat(SlackSignature.verify(SECRET, TIMESTAMP, SIGNATURE, BODY, THEN.plusSeconds(301))).isFalse();
        // a timestamp from the future is as suspect as an old one (the SDK's verifier lets it through)
        assertThat(SlackSignature.verify(SECRET, TIMESTAMP, SIGNATURE, BODY, THEN.minusSeconds(301))).isFalse();
    }

    @Test
    void missingOrMalformedHeadersAndAnUnsetSecretAreRefused() {
        assertThat(SlackSignature.verify(SECRET, null, SIGNATURE, BODY, THEN)).isFalse();
        assertThat(SlackSignature.verify(SECRET, TIMESTAMP, null, BODY, THEN)).isFalse();
        assertThat(SlackSignature.verify(SECRET, "yesterday", SIGNATURE, BODY, THEN)).isFalse();
        assertThat(SlackSignature.verify("", TIMESTAMP, SIGNATURE, BODY, THEN)).isFalse();
        assertThat(SlackSignature.verify(null, TIMESTAMP, SIGNATURE, BODY, THEN)).isFalse();
    }
}
