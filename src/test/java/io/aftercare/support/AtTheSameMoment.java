package io.aftercare.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** Two actions on threads of their own, released together, for tests of what happens when they race. */
public final class AtTheSameMoment {

    /** Something one of the threads does. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    private AtTheSameMoment() {
    }

    /** Runs both on {@code threads} (at least two), released at once; waits for both and rethrows what failed. */
    public static void run(ExecutorService threads, Action first, Action second) throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<?>> both = new ArrayList<>();
        for (Action action : List.of(first, second)) {
            both.add(threads.submit((Callable<Void>) () -> {
                together.await();
                action.run();
                return null;
            }));
        }
        for (Future<?> f : both) {
            f.get(); // rethrows what failed on either thread
        }
    }
}
