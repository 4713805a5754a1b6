package io.aftercare;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.IncompleteEventPublications;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * Hands every event whose listener has not finished within {@code aftercare.events.stale-after} to its listener
 * again, on whichever instance is alive. An instance that dies between committing a change and finishing the
 * listeners of its events (care opening the cases of a resolved incident, notify adding a check-in's messages)
 * leaves those publications incomplete; without this only that same instance would ever deliver them, and only when
 * it starts again (decision 0043).
 *
 * <p>One db-scheduler recurring task: one instance at a time looks. Spring Modulith claims each publication before
 * it resubmits it (its status becomes {@code RESUBMITTED} in one conditional update), so two looks never hand the
 * same publication out twice; a publication whose resubmission was itself cut short is marked failed by Modulith's
 * staleness monitor ({@code spring.modulith.events.staleness.resubmission}) and is then taken again. A listener
 * still at work on a slow instance may be handed its event a second time: every listener is idempotent, so that
 * changes nothing.
 */
@Configuration(proxyBeanMethods = false)
class EventPublicationResubmission {

    static final String TASK = "event-publications-resubmit";

    private static final Logger log = LoggerFactory.getLogger(EventPublicationResubmission.class);

    /**
     * {@code aftercare.events.*}.
     *
     * @param staleAfter how long a publication may stay incomplete before another instance delivers it again
     * @param checkEvery how often one of the instances looks for such publications
     */
    @ConfigurationProperties("aftercare.events")
    record Properties(@DefaultValue("2m") Duration staleAfter, @DefaultValue("30s") Duration checkEvery) {
    }

    @Bean
    RecurringTask<Void> eventPublicationsResubmitTask(ObjectProvider<IncompleteEventPublications> incomplete,
                                                      Properties properties) {
        return Tasks.recurring(TASK, FixedDelay.of(properties.checkEvery()))
            .execute((instance, context) -> resubmit(incomplete.getObject(), properties.staleAfter()));
    }

    static void resubmit(IncompleteEventPublications incomplete, Duration staleAfter) {
        try {
            incomplete.resubmitIncompletePublicationsOlderThan(staleAfter);
        } catch (RuntimeException e) {
            // the next run tries again; the events themselves are never logged (they can carry a person's wish)
            log.warn("Could not resubmit stale event publications: {}", e.toString());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void schedule(ApplicationReadyEvent event) {
        Clock clock = event.getApplicationContext().getBean(Clock.class);
        event.getApplicationContext().getBean(SchedulerClient.class).scheduleIfNotExists(
            event.getApplicationContext().getBean("eventPublicationsResubmitTask", RecurringTask.class)
                .instance(RecurringTask.INSTANCE), clock.instant());
    }
}
