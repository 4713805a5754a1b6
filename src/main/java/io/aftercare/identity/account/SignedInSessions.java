package io.aftercare.identity.account;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The browser sessions a person is signed in with, found through Spring Session's principal name index (the
 * login they signed in with). A session keeps the roles of its sign-in, so changes to rights end them.
 */
@Component
class SignedInSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    SignedInSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /**
     * Ends every session signed in as this login; the person signs in again, with what is true now. Inside a
     * transaction this happens once it commits: not before the change can be seen, and not at all if it rolls back.
     */
    void endAll(String login) {
        if (login == null) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    end(login);
                }
            });
        } else {
            end(login);
        }
    }

    private void end(String login) {
        for (String id : sessions.findByPrincipalName(login).keySet()) {
            sessions.deleteById(id);
        }
    }
}
