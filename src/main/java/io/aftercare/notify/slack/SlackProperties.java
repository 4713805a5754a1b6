package io.aftercare.notify.slack;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code aftercare.slack.*}. Slack is offered only when a bot token is set.
 *
 * @param botToken      the app's bot token ({@code xoxb-…}); empty: no Slack
 * @param signingSecret the app's signing secret, to verify interactivity and slash-command requests
 * @param apiUrl        the base of Slack's Web API methods (another only for tests), ending in a slash
 */
@ConfigurationProperties("aftercare.slack")
public record SlackProperties(String botToken, String signingSecret,
                              @DefaultValue("https://slack.com/api/") String apiUrl) {

    boolean configured() {
        return botToken != null && !botToken.isBlank();
    }

    boolean verifiable() {
        return signingSecret != null && !signingSecret.isBlank();
    }
}
