package io.aftercare.notify.outbox;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.aftercare.care.CareCases;
import io.aftercare.insights.EndOfShiftLinks;

/**
 * Where a message takes its reader: a check-in or follow-up to its signed one-click answer link (made now, by
 * care), anything else to its page in the app at the public address (sign-in needed there).
 */
@Component
public class MessageLinks {

    private final CareCases care;
    private final EndOfShiftLinks endOfShift;
    private final String publicUrl;

    MessageLinks(CareCases care, EndOfShiftLinks endOfShift, @Value("${aftercare.public-url}") String publicUrl) {
        this.care = care;
        this.endOfShift = endOfShift;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The link for this message. */
    public URI of(OutgoingMessage message) {
        if (message.stepId() != null) {
            return care.answerLink(message.stepId());
        }
        return URI.create(publicUrl + MessageText.path(message.kind(), message.key()));
    }

    /**
     * One-tap answers for a message that has them: the end-of-shift question's five choices, each a signed link
     * made now (its key is {@code oncall-effort:<question>:<channel>:<person>}). Empty for every other message, and
     * once the question is answered.
     */
    public List<EndOfShiftLinks.Choice> choices(OutgoingMessage message) {
        if (!MessageText.ONCALL_EFFORT.equals(message.kind()) || message.key() == null) {
            return List.of();
        }
        String[] parts = message.key().split(":");
        if (parts.length < 2 || !"oncall-effort".equals(parts[0])) {
            return List.of();
        }
        try {
            return endOfShift.answerLinks(UUID.fromString(parts[1]));
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }
}
