package io.aftercare.care.cases;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/**
 * db-scheduler, started once the application is ready: every due check-in, reminder and follow-up is a row in
 * {@code scheduled_tasks} (one per step), picked by exactly one instance, kept across restarts. The data source is
 * transaction-aware so that scheduling a step commits or rolls back with the case that needs it.
 */
@Configuration(proxyBeanMethods = false)
class CareScheduling {

    static final TaskDescriptor<Void> STEP_DUE = TaskDescriptor.of("care-step-due");
    static final TaskDescriptor<Void> REMINDER_DUE = TaskDescriptor.of("care-reminder-due");

    /**
     * {@code aftercare.scheduler.*}.
     *
     * @param pollingInterval   how often each instance looks for due jobs
     * @param threads           jobs run in parallel per instance
     * @param heartbeatInterval how often an instance marks the jobs it runs as still running; a job whose instance
     *                          missed six of these (it died) is run again by another (db-scheduler's own default,
     *                          5 minutes, would leave a dead instance's jobs, the delivery worker's among them, for
     *                          half an hour)
     */
    @ConfigurationProperties("aftercare.scheduler")
    record SchedulerProperties(@DefaultValue("10s") Duration pollingInterval, @DefaultValue("4") int threads,
                               @DefaultValue("30s") Duration heartbeatInterval) {
    }

    @Bean
    OneTimeTask<Void> careStepDueTask(ObjectProvider<CareService> care) {
        return Tasks.oneTime(STEP_DUE).execute((instance, context) ->
            care.getObject().stepDue(UUID.fromString(instance.getId())));
    }

    @Bean
    OneTimeTask<Void> careReminderDueTask(ObjectProvider<CareService> care) {
        return Tasks.oneTime(REMINDER_DUE).execute((instance, context) ->
            care.getObject().reminderDue(UUID.fromString(instance.getId())));
    }

    @Bean(destroyMethod = "stop")
    Scheduler scheduler(DataSource dataSource, List<Task<?>> tasks, SchedulerProperties properties) {
        SchedulerBuilder builder = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
            .pollingInterval(properties.pollingInterval())
            .threads(properties.threads())
            .heartbeatInterval(properties.heartbeatInterval())
            .enableImmediateExecution()
            .shutdownMaxWait(Duration.ofSeconds(10));
        if (isPostgres(dataSource)) {
            // one statement picks a whole batch (SELECT … FOR UPDATE SKIP LOCKED) instead of one UPDATE per job:
            // many jobs falling due at once are taken much faster, still each by exactly one instance. H2 cannot.
            builder.pollUsingLockAndFetch(0.5, 1.0);
        }
        return builder.build();
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not reach the database to set up the scheduler", e);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void start(ApplicationReadyEvent event) {
        event.getApplicationContext().getBean(Scheduler.class).start();
    }
}
