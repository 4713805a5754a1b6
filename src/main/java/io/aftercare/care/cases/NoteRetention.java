package io.aftercare.care.cases;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import io.aftercare.shared.DbTime;

/**
 * Notes do not live for ever: the free text of check-in and follow-up answers older than
 * {@code aftercare.retention.notes} (AFTERCARE_RETENTION_NOTES, 12 months by default) is destroyed by a daily
 * db-scheduler job ({@code care-note-retention}, one run at a time across instances). The scores stay: the person's
 * history and the aggregates still count them. Only the count is logged, never a note.
 */
@Configuration(proxyBeanMethods = false)
class NoteRetention {

    private static final Logger log = LoggerFactory.getLogger(NoteRetention.class);

    private final JdbcClient jdbc;
    private final Duration keep;

    NoteRetention(JdbcClient jdbc, @Value("${aftercare.retention.notes:365d}") Duration keep) {
        this.jdbc = jdbc;
        this.keep = keep;
    }

    @Bean
    RecurringTask<Void> careNoteRetentionTask(ObjectProvider<NoteRetention> retention) {
        return Tasks.recurring("care-note-retention", FixedDelay.of(Duration.ofDays(1)))
            .execute((instance, context) -> retention.getObject().destroyOldNotes(Instant.now()));
    }

    @EventListener(ApplicationReadyEvent.class)
    void schedule(ApplicationReadyEvent event) {
        event.getApplicationContext().getBean(SchedulerClient.class).scheduleIfNotExists(
            event.getApplicationContext().getBean("careNoteRetentionTask", RecurringTask.class)
                .instance(RecurringTask.INSTANCE), Instant.now().plus(Duration.ofMinutes(5)));
    }

    /** Destroys the notes of answers given before {@code now} minus the retention; returns how many. */
    @Transactional
    int destroyOldNotes(Instant now) {
        var before = DbTime.toDb(now.minus(keep));
        int n = jdbc.sql("UPDATE care_check_in_answer SET note_ciphertext = NULL "
                + "WHERE note_ciphertext IS NOT NULL AND answered_at < ?").param(before).update()
            + jdbc.sql("UPDATE care_follow_up_answer SET note_ciphertext = NULL "
                + "WHERE note_ciphertext IS NOT NULL AND answered_at < ?").param(before).update();
        if (n > 0) {
            log.info("Destroyed the notes of {} answers older than {}", n, keep);
        }
        return n;
    }
}
