package io.aftercare.peersupport.requests;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.aftercare.identity.Accounts;
import io.aftercare.identity.Role;
import io.aftercare.peersupport.SupportContactOverdue;
import io.aftercare.peersupport.SupportWaitingNotice;
import io.aftercare.peersupport.requests.SupportRequestStore.Row;

/** What coordinators are told: once a day that requests wait, and when a supporter's contact is overdue. */
@Component
class WaitingNotices {

    private final SupportRequestStore store;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WaitingNotices(SupportRequestStore store, Accounts accounts, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The daily notice to coordinators (at {@code aftercare.support.waiting-notice-at}, UTC): when a request started
     * waiting with nobody eligible since the last notice, every coordinator is told that requests wait, and nothing
     * else (not which, how many or since when). Nothing when none did.
     *
     * @return whether coordinators were told
     */
    boolean tellCoordinatorsOfWaiting() {
        Instant now = clock.instant();
        int fresh = store.tellWaiting(now);
        List<UUID> coordinators = accounts.peopleWith(Role.COORDINATOR);
        if (fresh == 0 || coordinators.isEmpty()) {
            return false;
        }
        events.publishEvent(new SupportWaitingNotice(UUID.randomUUID(), coordinators, now));
        return true;
    }

    /**
     * The contact deadline of an acknowledged request passed: if contact is still not made (and the request is
     * open), coordinators are told on their support page and the supporter's page reminds them. Once per request.
     */
    void contactDeadlinePassed(UUID requestId) {
        Optional<Row> row = store.findForUpdate(requestId);
        if (row.isEmpty() || row.get().status() != RequestStatus.ACKNOWLEDGED
            || store.hasNotice(requestId, NoticeKind.CONTACT_OVERDUE)) {
            return;
        }
        Instant now = clock.instant();
        store.addNotice(requestId, NoticeKind.CONTACT_OVERDUE, now);
        events.publishEvent(new SupportContactOverdue(requestId, row.get().supporterId(),
            row.get().acknowledgedAt(), now));
    }
}
