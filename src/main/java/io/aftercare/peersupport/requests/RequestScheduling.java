package io.aftercare.peersupport.requests;

import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Daily;

/**
 * Each assignment's acknowledgement deadline is a db-scheduler job (one per assignment, in the database): it fires
 * once across restarts and instances, and does nothing when the supporter acknowledged in time. Likewise each
 * acknowledged request's contact deadline (one job per request): it does nothing when contact was made in time.
 * Once a day, at a fixed time, coordinators are told when requests started waiting with nobody eligible.
 */
@Configuration(proxyBeanMethods = false)
class RequestScheduling {

    static final TaskDescriptor<Void> ACK_DUE = TaskDescriptor.of("support-ack-due");
    static final TaskDescriptor<Void> CONTACT_DUE = TaskDescriptor.of("support-contact-due");

    @Bean
    OneTimeTask<Void> supportAckDueTask(ObjectProvider<SupportRequestService> requests) {
        return Tasks.oneTime(ACK_DUE).execute((instance, context) ->
            requests.getObject().deadlinePassed(UUID.fromString(instance.getId())));
    }

    @Bean
    RecurringTask<Void> supportWaitingNoticeTask(ObjectProvider<SupportRequestService> requests,
                                                 RequestProperties properties) {
        return Tasks.recurring("support-waiting-notice",
                new Daily(java.time.ZoneOffset.UTC, properties.waitingNoticeAt()))
            .execute((instance, context) -> requests.getObject().tellCoordinatorsOfWaiting());
    }

    @Bean
    OneTimeTask<Void> supportContactDueTask(ObjectProvider<SupportRequestService> requests) {
        return Tasks.oneTime(CONTACT_DUE).execute((instance, context) ->
            requests.getObject().contactDeadlinePassed(UUID.fromString(instance.getId())));
    }
}
