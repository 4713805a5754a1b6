package io.aftercare.support;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.support.GenericApplicationContext;

import com.github.kagkarlsson.scheduler.Scheduler;

/**
 * The scheduler of a test application that waits in Spring's context cache stops looking for due jobs until a test
 * uses that application again. Spring pauses a cached context when the next test class needs another one, but it
 * stops only lifecycle beans, and the application starts its scheduler once it is ready, not as one; so the thirty
 * or so applications a build keeps went on polling their databases (many every 200 ms) while other classes ran.
 * This bean pauses and resumes it with the context: jobs that fall due meanwhile are picked up on resumption, as
 * after any pause.
 */
public class PausedScheduler implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (context instanceof GenericApplicationContext generic) {
            generic.registerBean("pausedScheduler", Pausing.class,
                () -> new Pausing(generic.getBeanProvider(Scheduler.class)));
        }
    }

    /** Resumes the scheduler when the context starts or restarts, pauses it when the context is paused or stops. */
    static final class Pausing implements SmartLifecycle {

        private final ObjectProvider<Scheduler> scheduler;
        private volatile boolean running;

        Pausing(ObjectProvider<Scheduler> scheduler) {
            this.scheduler = scheduler;
        }

        @Override
        public void start() {
            scheduler.ifAvailable(Scheduler::resume);
            running = true;
        }

        @Override
        public void stop() {
            scheduler.ifAvailable(Scheduler::pause);
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }
    }
}
