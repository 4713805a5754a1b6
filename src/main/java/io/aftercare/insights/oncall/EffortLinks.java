package io.aftercare.insights.oncall;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.aftercare.insights.EndOfShiftLinks;
import io.aftercare.shared.Sha256;

/**
 * Signed links that answer one end-of-shift question with one choice, made as care's check-in links are: random,
 * single use, expiring when the question stops waiting ({@link EndOfShift#OPEN_FOR}), only their hash stored, and
 * served under the signed-link path {@code /c/…} (no sign-in, no referrer). The first link used answers the
 * question and uses up its other links.
 */
@Component
class EffortLinks implements EndOfShiftLinks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EffortStore store;
    private final Clock clock;
    private final String publicUrl;

    EffortLinks(EffortStore store, Clock clock, @Value("${aftercare.public-url}") String publicUrl) {
        this.store = store;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @Override
    @Transactional
    public List<Choice> answerLinks(UUID questionId) {
        if (store.unansweredPerson(questionId).isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<Choice> choices = new ArrayList<>();
        for (int effort = 1; effort <= 5; effort++) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            store.insertLink(hash(token), questionId, effort, now, now.plus(EndOfShift.OPEN_FOR));
            choices.add(new Choice(effort, URI.create(publicUrl + "/c/effort/" + token)));
        }
        return List.copyOf(choices);
    }

    /** The question and choice a link answers, while it is unused, unexpired and its question waits. */
    Optional<EffortStore.LinkTarget> target(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return store.usableLink(hash(token), clock.instant());
    }

    /** Uses the link up and records its choice, once; @return the choice, or empty when the link is gone. */
    @Transactional
    Optional<EffortStore.LinkTarget> answer(String token) {
        Optional<EffortStore.LinkTarget> target = target(token);
        Instant now = clock.instant();
        if (target.isEmpty() || !store.useLink(hash(token), now)) {
            return Optional.empty();
        }
        if (!store.answerIfWaiting(target.get().questionId(), target.get().effort(), now)) {
            return Optional.empty();
        }
        store.useLinksOf(target.get().questionId(), now);
        return target;
    }

    static String hash(String token) {
        return Sha256.hex(token);
    }
}
