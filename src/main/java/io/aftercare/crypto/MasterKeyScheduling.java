package io.aftercare.crypto;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * The master key job ({@code crypto-master-key}): a db-scheduler recurring task, one run at a time across the
 * cluster, hourly and once at start. See {@link MasterKeyRotation#run}.
 */
@Configuration(proxyBeanMethods = false)
class MasterKeyScheduling {

    static final String TASK = "crypto-master-key";

    @Bean
    RecurringTask<Void> cryptoMasterKeyTask(ObjectProvider<MasterKeyRotation> rotation, Clock clock) {
        return Tasks.recurring(TASK, FixedDelay.of(Duration.ofHours(1)))
            .execute((instance, context) -> rotation.getObject().run(clock.instant()));
    }

    @EventListener(ApplicationReadyEvent.class)
    void schedule(ApplicationReadyEvent event) {
        Clock clock = event.getApplicationContext().getBean(Clock.class);
        event.getApplicationContext().getBeanProvider(SchedulerClient.class).getObject().scheduleIfNotExists(
            event.getApplicationContext().getBean("cryptoMasterKeyTask", RecurringTask.class)
                .instance(RecurringTask.INSTANCE), clock.instant());
    }

    /** Asks for a run as soon as possible (after an admin rotated the key), on whichever instance picks it. */
    static void runSoon(SchedulerClient scheduler, Clock clock) {
        scheduler.reschedule(TaskInstanceId.of(TASK, RecurringTask.INSTANCE), clock.instant());
    }
}
