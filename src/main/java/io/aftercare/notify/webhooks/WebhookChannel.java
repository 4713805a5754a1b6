package io.aftercare.notify.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

import io.aftercare.notify.outbox.DeliveryFailure;
import io.aftercare.notify.outbox.DirectChannel;
import io.aftercare.notify.outbox.OutgoingMessage;
import io.aftercare.shared.StandardWebhooks;

/**
 * Delivers webhook messages from the outbox: a POST of the stored body, signed with the Standard Webhooks scheme
 * ({@code webhook-id} stays the same across retries, {@code webhook-timestamp} and the signature are made for each
 * try). Only a 2xx is success and redirects are not followed; 410 Gone disables the subscription; a
 * {@code Retry-After} (429, 502, 503, 504) is honoured by the outbox; everything else is retried with backoff until
 * it becomes a dead letter. Every try is written to the subscription's delivery log (status and outcome only).
 */
@Component
class WebhookChannel implements DirectChannel {

    private final WebhookStore store;
    private final WebhookSubscriptions subscriptions;
    private final WebhookProperties properties;
    private final Clock clock;
    /**
     * Made on the first delivery, not at start: building it sets up the JVM's default TLS context (the trust store
     * read and parsed) and starts the client's selector thread, a measurable part of every start, for a channel
     * most deployments use rarely or never.
     */
    private final SingletonSupplier<HttpClient> http;

    WebhookChannel(WebhookStore store, WebhookSubscriptions subscriptions, WebhookProperties properties, Clock clock) {
        this.store = store;
        this.subscriptions = subscriptions;
        this.properties = properties;
        this.clock = clock;
        this.http = SingletonSupplier.of(() -> HttpClient.newBuilder().connectTimeout(properties.timeout())
            .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build());
    }

    @Override
    public String name() {
        return WebhookEvents.CHANNEL;
    }

    @Override
    public Duration minInterval() {
        return properties.minInterval();
    }

    /** The {@code webhook-id} of a message: stable across its retries. */
    static String webhookId(OutgoingMessage message) {
        return "msg_" + message.id().toString().replace("-", "");
    }

    @Override
    public void send(OutgoingMessage message) throws DeliveryFailure {
        WebhookStore.Delivery delivery = store.delivery(message.id())
            .orElseThrow(() -> DeliveryFailure.permanent("the delivery is gone", null));
        Optional<Subscription> found = store.find(delivery.subscriptionId());
        if (found.isEmpty()) {
            throw DeliveryFailure.permanent("the subscription was removed", null);
        }
        Subscription subscription = found.get();
        Instant start = clock.instant();
        if (!subscription.enabled()) {
            throw log(delivery, start, null, "SKIPPED", "the subscription is switched off",
                DeliveryFailure.permanent("the subscription is switched off", null));
        }
        URI uri = URI.create(subscription.url());
        Optional<String> refused = UrlGuard.problem(subscription.url(), properties.requireHttps())
            .or(() -> UrlGuard.addressProblem(uri, properties.allowPrivateAddresses()));
        if (refused.isPresent()) {
            throw log(delivery, start, null, "REFUSED", refused.get(), DeliveryFailure.permanent(refused.get(), null));
        }
        String secret = subscriptions.secret(subscription.id())
            .orElseThrow(() -> DeliveryFailure.permanent("the subscription has no secret", null));
        byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
        long timestamp = start.getEpochSecond();
        String id = webhookId(message);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(properties.timeout())
            .header("content-type", "application/json")
            .header("user-agent", "Aftercare-Webhooks/1")
            .header("webhook-id", id)
            .header("webhook-timestamp", Long.toString(timestamp))
            .header("webhook-signature", StandardWebhooks.sign(secret, id, timestamp, body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
        HttpResponse<Void> response;
        try {
            response = http.obtain().send(request, HttpResponse.BodyHandlers.discarding());
        } catch (HttpTimeoutException e) {
            throw log(delivery, start, null, "TIMEOUT", "no answer within " + properties.timeout().toSeconds() + " s",
                DeliveryFailure.temporary("timed out", e));
        } catch (IOException e) {
            String what = e.getClass().getSimpleName();
            throw log(delivery, start, null, "NO_ANSWER", what, DeliveryFailure.temporary(what, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw log(delivery, start, null, "NO_ANSWER", "interrupted", DeliveryFailure.temporary("interrupted", e));
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            log(delivery, start, status, "DELIVERED", null, null);
            return;
        }
        if (status == 410) {
            store.disable(subscription.id(), "the receiver answered 410 Gone", clock.instant());
            throw log(delivery, start, status, "GONE", "switched off: the receiver answered 410 Gone",
                DeliveryFailure.permanent("HTTP 410", null));
        }
        Duration retryAfter = status == 429 || status == 502 || status == 503 || status == 504
            ? retryAfter(response.headers().firstValue("retry-after").orElse(null), clock.instant()) : null;
        throw log(delivery, start, status, "FAILED", "HTTP " + status,
            new DeliveryFailure("HTTP " + status, false, retryAfter, null));
    }

    private DeliveryFailure log(WebhookStore.Delivery d, Instant start, Integer status, String outcome, String detail,
                                DeliveryFailure failure) {
        int ms = (int) Math.min(Integer.MAX_VALUE, Duration.between(start, clock.instant()).toMillis());
        store.insertAttempt(d.subscriptionId(), new WebhookStore.Attempt(d.messageId(), d.eventType(), start, status,
            ms, outcome, detail));
        return failure;
    }

    /** Seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }
}
