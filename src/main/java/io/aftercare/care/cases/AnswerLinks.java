package io.aftercare.care.cases;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.aftercare.care.cases.CareService.AnswerBody;
import io.aftercare.care.cases.CareService.LinkTarget;
import io.aftercare.care.cases.StepStore.StepRow;
import io.aftercare.shared.DomainException;
import io.aftercare.shared.Sha256;

/**
 * Signed links that answer one waiting step without signing in: random, single use, expiring; only their hash is
 * stored.
 */
@Component
class AnswerLinks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final StepStore steps;
    private final AnswerStep answers;
    private final CareProperties properties;
    private final Clock clock;
    private final String publicUrl;

    AnswerLinks(StepStore steps, AnswerStep answers, CareProperties properties, Clock clock,
                @Value("${aftercare.public-url}") String publicUrl) {
        this.steps = steps;
        this.answers = answers;
        this.properties = properties;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    URI create(UUID stepId) {
        StepRow step = steps.step(stepId).orElseThrow(() -> DomainException.notFound("Check-in"));
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        steps.insertLink(hash(token), stepId, step.personId(), now, now.plus(properties.linkValidFor()));
        return URI.create(publicUrl + "/c/" + token);
    }

    /** The person and step a link answers, if it is unused, unexpired and its step still waits for an answer. */
    Optional<LinkTarget> target(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return steps.usableLink(hash(token), clock.instant());
    }

    /** Uses the link up (once) and answers its step, all or nothing: an invalid answer leaves the link usable. */
    StepKind answer(String token, AnswerBody body) {
        LinkTarget target = target(token).orElseThrow(() -> DomainException.notFound("Link"));
        if (!steps.useLink(hash(token), clock.instant())) {
            throw DomainException.notFound("Link");
        }
        return answers.answer(target.personId(), target.stepId(), body);
    }

    static String hash(String token) {
        return Sha256.hex(token);
    }
}
