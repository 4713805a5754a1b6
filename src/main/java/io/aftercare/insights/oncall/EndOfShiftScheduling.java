package io.aftercare.insights.oncall;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * The end-of-shift job ({@code oncall-end-of-shift}): a db-scheduler recurring task, one run at a time across the
 * cluster, every five minutes. Each question's unique key keeps it to one per shift even if two runs overlap.
 */
@Configuration(proxyBeanMethods = false)
class EndOfShiftScheduling {

    static final String TASK = "oncall-end-of-shift";

    @Bean
    RecurringTask<Void> oncallEndOfShiftTask(ObjectProvider<EndOfShift> endOfShift, Clock clock) {
        return Tasks.recurring(TASK, FixedDelay.of(Duration.ofMinutes(5)))
            .execute((instance, context) -> endOfShift.getObject().askAboutEndedShifts(clock.instant()));
    }

    @EventListener(ApplicationReadyEvent.class)
    void schedule(ApplicationReadyEvent event) {
        Clock clock = event.getApplicationContext().getBean(Clock.class);
        event.getApplicationContext().getBeanProvider(SchedulerClient.class).getObject().scheduleIfNotExists(
            event.getApplicationContext().getBean("oncallEndOfShiftTask", RecurringTask.class)
                .instance(RecurringTask.INSTANCE), clock.instant());
    }
}
