package io.aftercare.notify.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.aftercare.directory.Directory;
import io.aftercare.directory.PersonRef;
import io.aftercare.shared.DbTime;

/**
 * Who a person is on Slack and back: the directory's external identity {@code slack} when it has one, else what
 * notify found by e-mail and keeps in {@code notify_slack_user} (a miss is kept too, so Slack is not asked again for a week).
 */
@Component
class SlackUsers {

    static final String PROVIDER = "slack";
    static final Duration ASK_AGAIN_AFTER = Duration.ofDays(7);

    /** What is known about a person's Slack user: found, looked up and not found, or never looked up. */
    record Known(boolean lookedUp, String slackUserId) {
    }

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Clock clock;

    SlackUsers(JdbcClient jdbc, Directory directory, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.clock = clock;
    }

    /** The person's Slack user as far as known without asking Slack. */
    Known known(PersonRef person) {
        String fromDirectory = person.externalIdentities() == null ? null
            : person.externalIdentities().get(PROVIDER);
        if (fromDirectory != null && !fromDirectory.isBlank()) {
            return new Known(true, fromDirectory);
        }
        Instant retryMissesBefore = clock.instant().minus(ASK_AGAIN_AFTER);
        return jdbc.sql("SELECT slack_user_id, looked_up_at FROM notify_slack_user WHERE person_id = ?")
            .param(person.id())
            .query((rs, n) -> {
                String id = rs.getString("slack_user_id");
                // someone not on Slack last week may have joined since: a miss is asked again after a while
                boolean stale = id == null && DbTime.instant(rs, "looked_up_at").isBefore(retryMissesBefore);
                return new Known(!stale, id);
            })
            .optional()
            .orElse(new Known(false, null));
    }

    /** Keeps what a lookup found ({@code null}: not found). */
    void remember(UUID personId, String slackUserId) {
        jdbc.sql("DELETE FROM notify_slack_user WHERE person_id = ?").param(personId).update();
        jdbc.sql("INSERT INTO notify_slack_user (person_id, slack_user_id, looked_up_at) VALUES (?, ?, ?)")
            .params(personId, slackUserId, DbTime.toDb(clock.instant())).update();
    }

    /** The person a Slack user is, if the directory or an earlier lookup says so. */
    Optional<PersonRef> person(String slackUserId) {
        if (slackUserId == null || slackUserId.isBlank()) {
            return Optional.empty();
        }
        Optional<PersonRef> fromDirectory = directory.personByExternalIdentity(PROVIDER, slackUserId);
        if (fromDirectory.isPresent()) {
            return fromDirectory;
        }
        return jdbc.sql("SELECT person_id FROM notify_slack_user WHERE slack_user_id = ?").param(slackUserId)
            .query(UUID.class).stream().findFirst().flatMap(directory::person);
    }
}
