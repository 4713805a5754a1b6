package io.aftercare.notify.slack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.aftercare.care.CareCases;
import io.aftercare.directory.Directory;
import io.aftercare.directory.PersonRef;
import io.aftercare.notify.outbox.DeliveryFailure;
import io.aftercare.shared.DomainException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Slack's requests to Aftercare: button clicks ({@code POST /webhooks/slack/interactivity}) and the
 * {@code /aftercare} command ({@code POST /webhooks/slack/commands}). Under {@code /webhooks/} they need no session
 * or CSRF token; each request proves itself by {@code X-Slack-Signature} over the raw body, checked before anything
 * is parsed: a missing, wrong or stale signature is 401 and nothing is recorded. The clicker is the Slack user
 * Slack names, and care accepts an answer only for that person's own pending step.
 */
@RestController
@Hidden
class SlackController implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(SlackController.class);
    static final int MAX_BODY = 1024 * 1024;

    private final SlackProperties properties;
    private final SlackApi slack;
    private final SlackUsers users;
    private final SlackMessages messages;
    private final CareCases care;
    private final Directory directory;
    private final Clock clock;
    private final String publicUrl;
    private final JsonMapper json = JsonMapper.builder().build();
    /** Message updates go after the 200: Slack wants an answer within three seconds. */
    private final ExecutorService updates = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "slack-update");
        t.setDaemon(true);
        return t;
    });

    SlackController(SlackProperties properties, SlackApi slack, SlackUsers users, SlackMessages messages,
                    CareCases care, Directory directory, Clock clock,
                    @Value("${aftercare.public-url}") String publicUrl) {
        this.properties = properties;
        this.slack = slack;
        this.users = users;
        this.messages = messages;
        this.care = care;
        this.directory = directory;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @PostMapping("/webhooks/slack/interactivity")
    ResponseEntity<?> interactivity(HttpServletRequest request) throws IOException {
        Optional<Map<String, String>> form = verifiedForm(request);
        if (form.isEmpty()) {
            return unauthorized();
        }
        JsonNode payload;
        try {
            payload = json.readTree(form.get().getOrDefault("payload", "{}"));
        } catch (RuntimeException e) {
            return ResponseEntity.badRequest().build();
        }
        if (!"block_actions".equals(payload.path("type").asString(""))) {
            return ResponseEntity.ok().build();
        }
        Optional<PersonRef> person = users.person(payload.path("user").path("id").asString(null));
        JsonNode action = payload.path("actions").path(0);
        String actionId = action.path("action_id").asString("");
        UUID stepId = SlackMessages.step(action.path("value").asString(null));
        String channel = payload.path("container").path("channel_id").asString(
            payload.path("channel").path("id").asString(null));
        String ts = payload.path("container").path("message_ts").asString(
            payload.path("message").path("ts").asString(null));
        if (person.isEmpty() || stepId == null || actionId.equals(SlackMessages.OPEN)) {
            return ResponseEntity.ok().build();
        }
        UUID personId = person.get().id();
        SlackMessages.Message reply;
        try {
            if (actionId.startsWith(SlackMessages.STRESS)) {
                care.answerStress(personId, stepId, Integer.parseInt(actionId.substring(SlackMessages.STRESS.length())));
                reply = messages.thanks(care.answerLink(stepId));
            } else if (actionId.equals(SlackMessages.NOT_NOW)) {
                care.notNow(personId, stepId);
                reply = messages.plain("notify.slack.notNow.done", me());
            } else {
                return ResponseEntity.ok().build();
            }
        } catch (DomainException | NumberFormatException e) {
            // not theirs, no longer pending, or a button we never sent: say so without detail
            reply = messages.plain("notify.slack.closed", me());
        }
        if (channel != null && ts != null) {
            SlackMessages.Message update = reply;
            updates.execute(() -> {
                try {
                    slack.update(channel, ts, update.text(), update.blocks());
                } catch (DeliveryFailure | RuntimeException e) {
                    LOG.info("Could not update a Slack message: {}", e.getMessage());
                }
            });
        }
        return ResponseEntity.ok().build();
    }

    @PostMapping("/webhooks/slack/commands")
    ResponseEntity<?> command(HttpServletRequest request) throws IOException {
        Optional<Map<String, String>> form = verifiedForm(request);
        if (form.isEmpty()) {
            return unauthorized();
        }
        String word = form.get().getOrDefault("text", "").trim().toLowerCase(Locale.ROOT);
        Optional<PersonRef> person = person(form.get().get("user_id"));
        String text;
        if (person.isEmpty()) {
            text = messages.msg("notify.slack.command.unknown");
        } else if (word.isEmpty() || word.equals("me")) {
            text = messages.msg("notify.slack.command.me", me());
        } else if (word.equals("rough")) {
            UUID checkIn = care.openForSelf(person.get().id());
            text = messages.msg("notify.slack.command.rough", care.answerLink(checkIn));
        } else {
            text = messages.msg("notify.slack.command.help");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("response_type", "ephemeral", "text", text));
    }

    /** The Slack user's person: known already, or found by the e-mail Slack has for them (then kept). */
    private Optional<PersonRef> person(String slackUserId) {
        Optional<PersonRef> known = users.person(slackUserId);
        if (known.isPresent() || slackUserId == null || !slack.configured()) {
            return known;
        }
        try {
            Optional<PersonRef> found = slack.emailOf(slackUserId).flatMap(directory::personByEmail)
                .filter(p -> users.known(p).slackUserId() == null);
            found.ifPresent(p -> users.remember(p.id(), slackUserId));
            return found;
        } catch (DeliveryFailure e) {
            LOG.info("Could not look up a Slack user: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private URI me() {
        return URI.create(publicUrl + "/me");
    }

    /** The form fields, if the raw body is signed by Slack within the last five minutes. */
    private Optional<Map<String, String>> verifiedForm(HttpServletRequest request) throws IOException {
        if (!properties.verifiable() || request.getContentLengthLong() > MAX_BODY) {
            return Optional.empty();
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY || !SlackSignature.verify(properties.signingSecret(),
            request.getHeader(SlackSignature.TIMESTAMP), request.getHeader(SlackSignature.SIGNATURE), body,
            clock.instant())) {
            LOG.info("Rejected a Slack request to {}: missing, wrong or stale signature", request.getRequestURI());
            return Optional.empty();
        }
        return Optional.of(form(new String(body, StandardCharsets.UTF_8)));
    }

    static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.putIfAbsent(key, value);
        }
        return fields;
    }

    private static ResponseEntity<?> unauthorized() {
        var problem = org.springframework.http.ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
            "The request is not signed by Slack, or not recently.");
        problem.setTitle("Unauthorized");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(problem);
    }

    @Override
    public void destroy() {
        updates.shutdown();
    }
}
