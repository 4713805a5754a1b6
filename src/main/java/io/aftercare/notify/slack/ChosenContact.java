package io.aftercare.notify.slack;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.aftercare.directory.Directory;
import io.aftercare.directory.PersonRef;
import io.aftercare.notify.outbox.Channel;
import io.aftercare.notify.preferences.Preferences;
import io.aftercare.peersupport.PersonContact;

/**
 * How the person chose to be reached, for the supporter who said they will be in touch: Slack (their Slack user,
 * when it is known without asking Slack now) or e-mail, in the order of the person's own channels. When neither
 * reaches them (nothing configured here), their e-mail address from the directory.
 */
@Component
class ChosenContact implements PersonContact {

    private final Directory directory;
    private final Preferences preferences;
    private final SlackUsers slackUsers;

    ChosenContact(Directory directory, Preferences preferences, SlackUsers slackUsers) {
        this.directory = directory;
        this.preferences = preferences;
        this.slackUsers = slackUsers;
    }

    @Override
    public Optional<Contact> of(UUID personId) {
        Optional<PersonRef> found = directory.person(personId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PersonRef person = found.get();
        Optional<String> channel = preferences.channelFor(person).map(Channel::name);
        if (channel.filter(SlackChannel.NAME::equals).isPresent()) {
            String slackUser = slackUsers.known(person).slackUserId();
            if (slackUser != null) {
                return Optional.of(new Contact(SlackChannel.NAME, slackUser));
            }
        }
        return Optional.ofNullable(person.email()).filter(e -> !e.isBlank()).map(e -> new Contact("EMAIL", e));
    }
}
