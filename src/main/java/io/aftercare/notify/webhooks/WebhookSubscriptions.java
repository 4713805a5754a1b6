package io.aftercare.notify.webhooks;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.aftercare.crypto.SecretBox;
import io.aftercare.identity.AuditLog;
import io.aftercare.shared.DomainException;
import io.aftercare.shared.Problems.FieldError;
import io.aftercare.shared.StandardWebhooks;

/**
 * Adding, changing and removing webhook subscriptions. The signing secret is made here, returned once and stored
 * encrypted (crypto's Tink secret box); afterwards it is only decrypted to sign a delivery. Every change is audited,
 * without the secret.
 */
@Service
class WebhookSubscriptions {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A subscription and its secret, the one time the secret is shown. */
    record WithSecret(Subscription subscription, String secret) {
    }

    private final WebhookStore store;
    private final SecretBox box;
    private final WebhookProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    WebhookSubscriptions(WebhookStore store, WebhookProperties properties, AuditLog audit, Clock clock) {
        this.store = store;
        this.box = new SecretBox(Path.of(properties.keyFile()), "notify-webhook");
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Transactional
    WithSecret create(String name, String url, List<String> events, boolean enabled, UUID actorId) {
        List<FieldError> errors = new ArrayList<>();
        String n = checkName(name, errors);
        String u = checkUrl(url, errors);
        List<WebhookEventType> types = checkEvents(events, errors);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        Instant now = now();
        Subscription s = new Subscription(UUID.randomUUID(), n, u, types, enabled, null, now, now);
        String secret = StandardWebhooks.newSecret();
        byte[] salt = new byte[32];
        RANDOM.nextBytes(salt);
        store.insert(s, box.seal(s.id(), secret), Base64.getEncoder().encodeToString(salt));
        audit.record(actorId, "notify.webhook.created", s.id().toString(), n + " " + String.join(",", s.eventCodes()));
        return new WithSecret(s, secret);
    }

    @Transactional
    Subscription update(UUID id, String name, String url, List<String> events, boolean enabled, UUID actorId) {
        Subscription before = get(id);
        List<FieldError> errors = new ArrayList<>();
        String n = name == null ? before.name() : checkName(name, errors);
        String u = url == null ? before.url() : checkUrl(url, errors);
        List<WebhookEventType> types = events == null ? before.events() : checkEvents(events, errors);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        store.update(id, n, u, types, enabled, now());
        audit.record(actorId, "notify.webhook.changed", id.toString(),
            (enabled ? "enabled " : "disabled ") + String.join(",", types.stream().map(WebhookEventType::code).toList()));
        return get(id);
    }

    @Transactional
    void delete(UUID id, UUID actorId) {
        if (!store.delete(id)) {
            throw DomainException.notFound("Webhook subscription");
        }
        audit.record(actorId, "notify.webhook.deleted", id.toString(), null);
    }

    @Transactional(readOnly = true)
    List<Subscription> list() {
        return store.list();
    }

    @Transactional(readOnly = true)
    Subscription get(UUID id) {
        return store.find(id).orElseThrow(() -> DomainException.notFound("Webhook subscription"));
    }

    @Transactional(readOnly = true)
    List<WebhookStore.Attempt> log(UUID id) {
        get(id);
        return store.recentAttempts(id, properties.logSize());
    }

    /** The subscription's signing secret, decrypted to sign a delivery; empty when it is gone. */
    Optional<String> secret(UUID id) {
        return store.sealedSecret(id).map(sealed -> box.open(id, sealed));
    }

    private static String checkName(String name, List<FieldError> errors) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            errors.add(new FieldError("name", "is required"));
        } else if (n.length() > 100) {
            errors.add(new FieldError("name", "must be at most 100 characters"));
        }
        return n;
    }

    private String checkUrl(String url, List<FieldError> errors) {
        UrlGuard.problem(url, properties.requireHttps()).ifPresent(p -> errors.add(new FieldError("url", p)));
        return url == null ? "" : url.strip();
    }

    private static List<WebhookEventType> checkEvents(List<String> events, List<FieldError> errors) {
        List<WebhookEventType> types = new ArrayList<>();
        for (String code : events == null ? List.<String>of() : events) {
            Optional<WebhookEventType> t = WebhookEventType.parse(code == null ? "" : code.strip());
            if (t.isEmpty()) {
                errors.add(new FieldError("events", "unknown event " + code + "; known: " + String.join(", ",
                    java.util.Arrays.stream(WebhookEventType.values()).map(WebhookEventType::code).toList())));
                return types;
            }
            if (!types.contains(t.get())) {
                types.add(t.get());
            }
        }
        if (types.isEmpty()) {
            errors.add(new FieldError("events", "choose at least one event"));
        }
        return types;
    }
}
