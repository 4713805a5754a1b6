package io.aftercare.notify.slack;

import java.net.URI;
import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.aftercare.directory.PersonRef;
import io.aftercare.notify.outbox.Channel;
import io.aftercare.notify.outbox.DeliveryFailure;
import io.aftercare.notify.outbox.MessageLinks;
import io.aftercare.notify.outbox.OutgoingMessage;

/**
 * Slack direct messages from the Aftercare app ({@code aftercare.slack.bot-token}; there only when it is set):
 * {@code conversations.open} and {@code chat.postMessage} with Block Kit. A person is reached when the directory
 * names their Slack user, or (looked up by e-mail once, then kept) Slack knows their e-mail address. After e-mail
 * in the default order.
 */
@Component
@Order(20)
class SlackChannel implements Channel {

    static final String NAME = "SLACK";

    private final SlackApi slack;
    private final SlackUsers users;
    private final SlackMessages messages;
    private final MessageLinks links;

    SlackChannel(SlackApi slack, SlackUsers users, SlackMessages messages, MessageLinks links) {
        this.slack = slack;
        this.users = users;
        this.messages = messages;
        this.links = links;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean configured() {
        return slack.configured();
    }

    @Override
    public boolean reaches(PersonRef person) {
        if (!configured()) {
            return false;
        }
        SlackUsers.Known known = users.known(person);
        if (known.lookedUp()) {
            return known.slackUserId() != null;
        }
        // not looked up yet: Slack is asked (by e-mail) when the first message goes
        return person.email() != null && !person.email().isBlank();
    }

    @Override
    public void send(OutgoingMessage message, PersonRef person) throws DeliveryFailure {
        if (!configured()) {
            throw DeliveryFailure.permanent("Slack is not configured", null);
        }
        String slackUser = slackUser(person);
        URI link = links.of(message);
        SlackMessages.Message m = messages.prompt(message, link, links.choices(message));
        slack.directMessage(slackUser, m.text(), m.blocks());
    }

    private String slackUser(PersonRef person) throws DeliveryFailure {
        SlackUsers.Known known = users.known(person);
        if (known.lookedUp()) {
            if (known.slackUserId() == null) {
                throw DeliveryFailure.permanent("no Slack user with this person's e-mail", null);
            }
            return known.slackUserId();
        }
        Optional<String> found = slack.userByEmail(person.email());
        users.remember(person.id(), found.orElse(null));
        return found.orElseThrow(() -> DeliveryFailure.permanent("no Slack user with this person's e-mail", null));
    }
}
