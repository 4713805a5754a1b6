package io.aftercare.polls.rounds;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/** Every few minutes, one instance opens, reminds and closes the poll rounds that are due (db-scheduler). */
@Configuration(proxyBeanMethods = false)
class RoundScheduling {

    static final String TASK = "polls-rounds";

    @Bean
    RecurringTask<Void> pollRoundsTask(ObjectProvider<PollRounds> rounds) {
        return Tasks.recurring(TASK, FixedDelay.of(Duration.ofMinutes(5)))
            .execute((instance, context) -> rounds.getObject().tick());
    }
}
