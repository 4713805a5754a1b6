package io.aftercare.notify.outbox;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.aftercare.care.CareCases;

/**
 * Where a message takes its reader: a check-in or follow-up to its signed one-click answer link (made now, by
 * care), anything else to its page in the app at the public address (sign-in needed there).
 */
@Component
public class MessageLinks {

    private final CareCases care;
    private final String publicUrl;

    MessageLinks(CareCases care, @Value("${aftercare.public-url}") String publicUrl) {
        this.care = care;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The link for this message. */
    public URI of(OutgoingMessage message) {
        if (message.stepId() != null) {
            return care.answerLink(message.stepId());
        }
        return URI.create(publicUrl + MessageText.path(message.kind(), message.key()));
    }
}
