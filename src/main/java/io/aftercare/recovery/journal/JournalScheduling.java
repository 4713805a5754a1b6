package io.aftercare.recovery.journal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/** A journal reminder is a db-scheduler job ({@code <person>:<epoch millis>}), kept across restarts. */
@Configuration(proxyBeanMethods = false)
class JournalScheduling {

    static final TaskDescriptor<Void> REMINDER_DUE = TaskDescriptor.of("recovery-journal-reminder");

    @Bean
    OneTimeTask<Void> recoveryJournalReminderTask(ObjectProvider<Journal> journal) {
        return Tasks.oneTime(REMINDER_DUE).execute((instance, context) ->
            journal.getObject().reminderDue(instance.getId()));
    }
}
