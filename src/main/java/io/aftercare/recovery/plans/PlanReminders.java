package io.aftercare.recovery.plans;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.aftercare.recovery.PlanReminderDue;

/**
 * Sends plans' reminders when they fall due (their time was chosen when the plan was made: the day before the
 * shift, outside quiet hours), once each, through notify's outbox as care's reminders are. Several instances may
 * poll: the one that marks a reminder sent announces it.
 */
@Component
class PlanReminders {

    private final PlanRepository plans;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PlanReminders(PlanRepository plans, ApplicationEventPublisher events, TransactionTemplate transactions,
                  Clock clock) {
        this.plans = plans;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT30S", fixedDelayString = "${aftercare.recovery.reminder-poll:PT1M}")
    void poll() {
        sendDue();
    }

    /** Announces every reminder due now, each in its own transaction; how many. */
    int sendDue() {
        Instant now = clock.instant();
        int sent = 0;
        for (UUID[] due : plans.dueReminders(now, 200)) {
            Boolean done = transactions.execute(status -> {
                if (!plans.markReminded(due[0], now)) {
                    return false;
                }
                events.publishEvent(new PlanReminderDue(due[0], due[1]));
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                sent++;
            }
        }
        return sent;
    }
}
