package io.aftercare.insights.ruleset;

import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Something kept for the length of the current transaction (what the release log read and locked, the digests of
 * the sets asked about): bound to it on first use, unbound when it is suspended or ends. Without a transaction, a
 * fresh one each time.
 */
final class TransactionBound {

    private TransactionBound() {
    }

    /** What is bound under {@code key} to the current transaction, made by {@code fresh} and bound on first use. */
    @SuppressWarnings("unchecked")
    static <T> T get(Object key, Supplier<T> fresh) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return fresh.get();
        }
        T bound = (T) TransactionSynchronizationManager.getResource(key);
        if (bound != null) {
            return bound;
        }
        T made = fresh.get();
        TransactionSynchronizationManager.bindResource(key, made);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void suspend() {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }

            @Override
            public void resume() {
                TransactionSynchronizationManager.bindResource(key, made);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }
        });
        return made;
    }
}
