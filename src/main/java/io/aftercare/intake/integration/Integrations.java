package io.aftercare.intake.integration;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.aftercare.identity.AuditLog;
import io.aftercare.shared.StandardWebhooks;
import io.aftercare.shared.DomainException;
import io.aftercare.shared.Problems.FieldError;

/**
 * Adding, rotating and removing integrations. A secret is returned once, when it is made; afterwards it is only
 * decrypted to check a delivery ({@link #receiver}). Every change is in the audit log, without the secret.
 */
@Service
public class Integrations {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final IntegrationRepository repository;
    private final SecretBox box;
    private final IntakeProperties properties;
    private final AuditLog audit;
    private final Clock clock;
    private final String publicUrl;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

    /** How long an integration and its secrets are remembered for deliveries (see {@link #receiver}). */
    static final long CACHE_SECONDS = 10;

    Integrations(IntegrationRepository repository, SecretBox box, IntakeProperties properties, AuditLog audit,
                 Clock clock, @Value("${aftercare.public-url:http://localhost:8080}") String publicUrl) {
        this.repository = repository;
        this.box = box;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** An integration and its secret, the one time the secret is shown. */
    public record WithSecret(Integration integration, String webhookUrl, String secret) {
    }

    public String webhookUrl(Integration i) {
        return publicUrl + "/webhooks/" + i.type().slug() + "/" + i.id();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * @param secret the tool's own signing secret (PagerDuty, incident.io make theirs), or {@code null} to have
     *               Aftercare make one
     */
    @Transactional
    public WithSecret create(String type, String name, String teamLabel, String secret, UUID actorId) {
        List<FieldError> errors = new ArrayList<>();
        Optional<IntegrationType> kind = IntegrationType.parse(type);
        if (kind.isEmpty()) {
            errors.add(new FieldError("type",
                "must be pagerduty, opsgenie, alertmanager, incidentio, grafana-oncall or generic"));
        }
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            errors.add(new FieldError("name", "is required"));
        } else if (n.length() > 200) {
            errors.add(new FieldError("name", "must be at most 200 characters"));
        }
        String label = teamLabel == null || teamLabel.isBlank() ? null : teamLabel.strip();
        if (label != null && !label.matches("[a-zA-Z_][a-zA-Z0-9_]{0,99}")) {
            errors.add(new FieldError("teamLabel", "must be a Prometheus label name, such as team"));
        }
        String given = checkSecret(kind.orElse(null), secret, errors);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        Instant now = now();
        Integration i = new Integration(UUID.randomUUID(), kind.get(), n, label, now, now, null);
        String plain = given != null ? given : newSecret(i.type());
        repository.insert(i, box.seal(i.id(), plain));
        audit.record(actorId, "intake.integration.created", i.id().toString(), i.type().slug() + " " + n);
        return new WithSecret(i, webhookUrl(i), plain);
    }

    private static String checkSecret(IntegrationType type, String secret, List<FieldError> errors) {
        if (secret == null || secret.isBlank()) {
            return null;
        }
        String s = secret.strip();
        if (s.length() < 16 || s.length() > 500) {
            errors.add(new FieldError("secret", "must be 16 to 500 characters"));
        } else if (type == IntegrationType.INCIDENTIO && !s.startsWith(StandardWebhooks.PREFIX)) {
            errors.add(new FieldError("secret", "must be the whsec_… signing secret incident.io shows"));
        }
        return s;
    }

    static String newSecret(IntegrationType type) {
        if (type == IntegrationType.INCIDENTIO) {
            return StandardWebhooks.newSecret();
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "ai_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Transactional(readOnly = true)
    public List<Integration> list() {
        return repository.list();
    }

    @Transactional(readOnly = true)
    public Optional<Integration> find(UUID id) {
        return repository.find(id);
    }

    public Integration get(UUID id) {
        return find(id).orElseThrow(() -> DomainException.notFound("The integration"));
    }

    /**
     * A new secret (made here, or the tool's own when given); the current one stays valid for
     * {@code aftercare.intake.secret-overlap}.
     */
    @Transactional
    public WithSecret rotate(UUID id, String secret, UUID actorId) {
        Integration i = get(id);
        List<FieldError> errors = new ArrayList<>();
        String given = checkSecret(i.type(), secret, errors);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        IntegrationRepository.Sealed sealed = repository.secrets(id).orElseThrow();
        String plain = given != null ? given : newSecret(i.type());
        Instant now = now();
        Instant until = now.plus(properties.secretOverlap());
        // re-seal the old one so it keeps its own ciphertext format; both are bound to this integration
        repository.rotate(id, box.seal(id, plain), sealed.current(), until, now);
        cache.remove(id);
        audit.record(actorId, "intake.integration.secret-rotated", id.toString(),
            "previous secret valid until " + until);
        return new WithSecret(get(id), webhookUrl(i), plain);
    }

    @Transactional
    public void delete(UUID id, UUID actorId) {
        Integration i = get(id);
        repository.delete(id);
        cache.remove(id);
        audit.record(actorId, "intake.integration.deleted", id.toString(), i.type().slug() + " " + i.name());
    }

    /**
     * An integration as a delivery needs it: what it is, and the secrets a delivery may be signed with now.
     *
     * @param integration the integration
     * @param secrets     the current secret, and the previous one while its overlap lasts
     */
    public record Receiver(Integration integration, List<String> secrets) {
    }

    private record Cached(Integration integration, String current, String previous, Instant previousValidUntil,
                          long loadedAt) {

        Receiver receiver(Instant now) {
            return new Receiver(integration, previous != null && previousValidUntil != null
                && now.isBefore(previousValidUntil) ? List.of(current, previous) : List.of(current));
        }
    }

    /**
     * The integration a delivery is addressed to, from memory when it was read in the last {@value #CACHE_SECONDS}
     * seconds, so that a busy webhook costs no read and no decryption per delivery. A change made on this instance
     * takes effect at once; one made on another instance within {@value #CACHE_SECONDS} s, and a signature that does
     * not match the remembered secrets is checked again with {@link #receiverFresh} (so a rotation is never refused).
     */
    public Optional<Receiver> receiver(UUID id) {
        Cached c = cache.get(id);
        if (c != null && System.nanoTime() - c.loadedAt() < CACHE_SECONDS * 1_000_000_000L) {
            return Optional.of(c.receiver(clock.instant()));
        }
        return receiverFresh(id);
    }

    /** As {@link #receiver}, read from the database. */
    public Optional<Receiver> receiverFresh(UUID id) {
        return load(id);
    }

    private Optional<Receiver> load(UUID id) {
        Optional<Integration> integration = repository.find(id);
        Optional<IntegrationRepository.Sealed> sealed = repository.secrets(id);
        if (integration.isEmpty() || sealed.isEmpty()) {
            cache.remove(id);
            return Optional.empty();
        }
        IntegrationRepository.Sealed s = sealed.get();
        Cached c = new Cached(integration.get(), box.open(id, s.current()),
            s.previous() == null ? null : box.open(id, s.previous()), s.previousValidUntil(), System.nanoTime());
        cache.put(id, c);
        return Optional.of(c.receiver(clock.instant()));
    }
}
