package io.aftercare.notify.preferences;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.aftercare.shared.DbTime;
import io.aftercare.shared.PersonalData;

/**
 * Notify's part of a person's data: their message preferences, the Slack user they are, and every message sent or
 * waiting for them (kind, channel and times: messages hold no content). Erasing deletes all of it.
 */
@Component
@Order(300)
class NotifyPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    NotifyPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Notifications(Preference preferences, String slackUserId, List<Message> messages) {
    }

    record Preference(String channels, LocalTime quietStart, LocalTime quietEnd, String weekendDays,
                      LocalDate pausedUntil, Instant updatedAt) {
    }

    record Message(String channel, String kind, int day, boolean reminder, String status, Instant createdAt,
                   Instant sentAt, Instant readAt) {
    }

    @Override
    public String section() {
        return "notifications";
    }

    @Override
    public Object export(UUID personId) {
        Preference preference = jdbc.sql("""
                SELECT channels, quiet_start, quiet_end, weekend_days, paused_until, updated_at FROM notify_preference
                WHERE person_id = ?""")
            .param(personId)
            .query((rs, n) -> new Preference(rs.getString(1), rs.getObject(2, LocalTime.class),
                rs.getObject(3, LocalTime.class), rs.getString(4), rs.getObject(5, LocalDate.class),
                DbTime.instant(rs, "updated_at")))
            .optional().orElse(null);
        String slack = jdbc.sql("SELECT slack_user_id FROM notify_slack_user WHERE person_id = ?").param(personId)
            .query((rs, n) -> rs.getString(1)).optional().orElse(null);
        List<Message> messages = jdbc.sql("""
                SELECT channel, kind, step_day, reminder, status, created_at, sent_at, read_at FROM notify_message
                WHERE person_id = ? ORDER BY created_at""")
            .param(personId)
            .query((rs, n) -> new Message(rs.getString("channel"), rs.getString("kind"), rs.getInt("step_day"),
                rs.getBoolean("reminder"), rs.getString("status"), DbTime.instant(rs, "created_at"),
                DbTime.instant(rs, "sent_at"), DbTime.instant(rs, "read_at")))
            .list();
        return new Notifications(preference, slack, messages);
    }

    @Override
    public void erase(UUID personId) {
        jdbc.sql("DELETE FROM notify_message WHERE person_id = ?").param(personId).update();
        jdbc.sql("DELETE FROM notify_rate_slot WHERE recipient_id = ?").param(personId).update();
        jdbc.sql("DELETE FROM notify_slack_user WHERE person_id = ?").param(personId).update();
        jdbc.sql("DELETE FROM notify_preference WHERE person_id = ?").param(personId).update();
    }
}
