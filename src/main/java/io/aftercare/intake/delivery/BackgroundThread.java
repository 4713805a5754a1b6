package io.aftercare.intake.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.SmartLifecycle;

/**
 * Daemon threads that run {@link #loop(int)} from the application's start until its stop, in a given lifecycle
 * phase; stopping waits a bounded time for each loop to finish what it holds. One thread unless {@link #threads()}
 * says more.
 */
abstract class BackgroundThread implements SmartLifecycle {

    private final String name;
    private final int phase;
    private final Duration stopWait;
    private volatile boolean running;
    private List<Thread> workers = List.of();

    BackgroundThread(String name, int phase, Duration stopWait) {
        this.name = name;
        this.phase = phase;
        this.stopWait = stopWait;
    }

    /**
     * The work of one thread; it returns once {@link #running()} turns false.
     *
     * @param worker which of the {@link #threads()} threads this is, from 0
     */
    protected abstract void loop(int worker);

    /** Before the threads start. */
    protected void starting() {
    }

    /** How many threads run {@link #loop(int)}; asked after {@link #starting()}. */
    protected int threads() {
        return 1;
    }

    /** After {@link #running()} turned false, so that a waiting loop notices at once. */
    protected void stopping() {
    }

    protected boolean running() {
        return running;
    }

    @Override
    public synchronized void start() {
        starting();
        running = true;
        int count = Math.max(1, threads());
        List<Thread> started = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int worker = i;
            Thread thread = new Thread(() -> loop(worker), count == 1 ? name : name + "-" + i);
            thread.setDaemon(true);
            thread.start();
            started.add(thread);
        }
        workers = List.copyOf(started);
    }

    @Override
    public synchronized void stop() {
        running = false;
        stopping();
        long deadline = System.nanoTime() + stopWait.toNanos();
        for (Thread worker : workers) {
            try {
                worker.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return phase;
    }
}
