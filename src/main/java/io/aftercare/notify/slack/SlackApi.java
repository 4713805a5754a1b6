package io.aftercare.notify.slack;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.methods.response.users.UsersLookupByEmailResponse;
import com.slack.api.model.block.LayoutBlock;

import io.aftercare.notify.outbox.DeliveryFailure;

/**
 * The few Web API methods Aftercare calls, through the official SDK, with every failure sorted into what a retry
 * may fix (429 with its Retry-After, 5xx, network errors, Slack's own transient errors) and what it will not (an
 * unknown user or channel, a revoked token, a missing scope). Error texts carry Slack's error code, never content.
 */
@Component
class SlackApi implements DisposableBean {

    /** Slack error codes no retry will fix. */
    static final Set<String> PERMANENT = Set.of("user_not_found", "users_not_found", "channel_not_found",
        "not_in_channel", "is_archived", "account_inactive", "user_disabled", "cannot_dm_bot", "invalid_auth",
        "not_authed", "token_revoked", "token_expired", "no_permission", "missing_scope", "not_allowed_token_type",
        "invalid_blocks", "invalid_blocks_format", "msg_too_long", "no_text", "message_not_found",
        "cant_update_message", "edit_window_closed", "team_access_not_granted");

    private final SlackProperties properties;
    /** The SDK's client (its HTTP client, JSON mapper and thread pools), made on the first call, not at start. */
    private volatile Slack slack;

    SlackApi(SlackProperties properties) {
        this.properties = properties;
    }

    boolean configured() {
        return properties.configured();
    }

    private MethodsClient methods() {
        return slack().methods(properties.botToken());
    }

    private Slack slack() {
        Slack made = slack;
        if (made == null) {
            synchronized (this) {
                made = slack;
                if (made == null) {
                    SlackConfig config = new SlackConfig();
                    String url = properties.apiUrl() == null || properties.apiUrl().isBlank()
                        ? "https://slack.com/api/" : properties.apiUrl();
                    config.setMethodsEndpointUrlPrefix(url.endsWith("/") ? url : url + "/");
                    // the SDK's call statistics ask auth.test for the team id on every call; Aftercare does not
                    // read them
                    config.setStatsEnabled(false);
                    made = Slack.getInstance(config);
                    slack = made;
                }
            }
        }
        return made;
    }

    /** The Slack user with this e-mail address, if there is one. */
    Optional<String> userByEmail(String email) throws DeliveryFailure {
        UsersLookupByEmailResponse r = call("users.lookupByEmail",
            () -> methods().usersLookupByEmail(q -> q.email(email)), true);
        return r.isOk() && r.getUser() != null ? Optional.of(r.getUser().getId()) : Optional.empty();
    }

    /** The e-mail address of a Slack user, if Slack tells it (scope users:read.email). */
    Optional<String> emailOf(String slackUserId) throws DeliveryFailure {
        UsersInfoResponse r = call("users.info", () -> methods().usersInfo(q -> q.user(slackUserId)), true);
        return r.isOk() && r.getUser() != null && r.getUser().getProfile() != null
            ? Optional.ofNullable(r.getUser().getProfile().getEmail()) : Optional.empty();
    }

    /** Opens (or finds) the direct message channel with the user and posts the message there. */
    void directMessage(String slackUserId, String text, List<LayoutBlock> blocks) throws DeliveryFailure {
        ConversationsOpenResponse open = call("conversations.open",
            () -> methods().conversationsOpen(q -> q.users(List.of(slackUserId))), false);
        String channel = open.getChannel().getId();
        ChatPostMessageResponse posted = call("chat.postMessage",
            () -> methods().chatPostMessage(q -> q.channel(channel).text(text).blocks(blocks)), false);
        posted.getTs();
    }

    /** Replaces a message the app posted. */
    void update(String channel, String ts, String text, List<LayoutBlock> blocks) throws DeliveryFailure {
        call("chat.update", () -> methods().chatUpdate(q -> q.channel(channel).ts(ts).text(text).blocks(blocks)),
            false);
    }

    interface Call<T extends SlackApiTextResponse> {
        T run() throws IOException, SlackApiException;
    }

    /**
     * Runs one call. With {@code missOk}, {@code users_not_found}/{@code user_not_found} is an answer (returned, not
     * ok), not a failure.
     */
    private static <T extends SlackApiTextResponse> T call(String method, Call<T> call, boolean missOk)
        throws DeliveryFailure {
        T response;
        try {
            response = call.run();
        } catch (SlackApiException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().code();
            String reason = method + ": HTTP " + status;
            if (status == 429) {
                return rethrow(new DeliveryFailure(reason + " (rate limited)", false,
                    retryAfter(e.getResponse().header("Retry-After")), e));
            }
            if (status >= 500 || status == 408 || status == 0) {
                return rethrow(DeliveryFailure.temporary(reason, e));
            }
            return rethrow(DeliveryFailure.permanent(reason, e));
        } catch (IOException e) {
            return rethrow(DeliveryFailure.temporary(method + ": " + e.getClass().getSimpleName(), e));
        }
        if (response.isOk()) {
            return response;
        }
        String error = String.valueOf(response.getError());
        if (missOk && (error.equals("users_not_found") || error.equals("user_not_found"))) {
            return response;
        }
        if (PERMANENT.contains(error)) {
            throw DeliveryFailure.permanent(method + ": " + error, null);
        }
        if (error.equals("ratelimited")) {
            throw new DeliveryFailure(method + ": " + error, false, Duration.ofSeconds(30), null);
        }
        throw DeliveryFailure.temporary(method + ": " + error, null);
    }

    private static <T> T rethrow(DeliveryFailure failure) throws DeliveryFailure {
        throw failure;
    }

    /** Slack sends seconds; anything unreadable means a minute. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return Duration.ofMinutes(1);
        }
        try {
            return Duration.ofSeconds(Math.max(1, Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            return Duration.ofMinutes(1);
        }
    }

    @Override
    public void destroy() throws Exception {
        Slack made = slack;
        if (made != null) {
            made.close();
        }
    }
}
