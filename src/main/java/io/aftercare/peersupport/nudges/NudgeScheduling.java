package io.aftercare.peersupport.nudges;

import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/** A nudge is delivered by a db-scheduler job (one per nudge): once, across restarts and instances. */
@Configuration(proxyBeanMethods = false)
class NudgeScheduling {

    static final TaskDescriptor<Void> NUDGE_DUE = TaskDescriptor.of("support-nudge-due");
    static final TaskDescriptor<Void> CASE_NUDGES = TaskDescriptor.of("support-case-nudges");

    @Bean
    OneTimeTask<Void> supportCaseNudgesTask(ObjectProvider<NudgeService> nudges) {
        return Tasks.oneTime(CASE_NUDGES).execute((instance, context) ->
            nudges.getObject().chooseFor(UUID.fromString(instance.getId())));
    }

    @Bean
    OneTimeTask<Void> supportNudgeDueTask(ObjectProvider<NudgeService> nudges) {
        return Tasks.oneTime(NUDGE_DUE).execute((instance, context) ->
            nudges.getObject().deliver(UUID.fromString(instance.getId())));
    }
}
