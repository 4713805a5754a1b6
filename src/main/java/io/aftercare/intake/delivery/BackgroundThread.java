package io.aftercare.intake.delivery;

import java.time.Duration;

import org.springframework.context.SmartLifecycle;

/**
 * One daemon thread that runs {@link #loop()} from the application's start until its stop, in a given lifecycle
 * phase; stopping waits a bounded time for the loop to finish what it holds.
 */
abstract class BackgroundThread implements SmartLifecycle {

    private final String name;
    private final int phase;
    private final Duration stopWait;
    private volatile boolean running;
    private Thread worker;

    BackgroundThread(String name, int phase, Duration stopWait) {
        this.name = name;
        this.phase = phase;
        this.stopWait = stopWait;
    }

    /** The work; it returns once {@link #running()} turns false. */
    protected abstract void loop();

    /** Before the thread starts. */
    protected void starting() {
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
        worker = new Thread(this::loop, name);
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        stopping();
        if (worker == null) {
            return;
        }
        try {
            worker.join(stopWait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
