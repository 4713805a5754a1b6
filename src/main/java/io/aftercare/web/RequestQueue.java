package io.aftercare.web;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Pages and API calls take their turn: at most a few at a time go on to the session store and the database, the rest
 * wait in arrival order. When a whole department opens Aftercare at once, fifty requests that each ask the pool for a
 * connection a dozen times would otherwise fight over ten connections on every statement; the unlucky ones waited past
 * the pool's limit and failed. Queued, each runs at full speed when its turn comes and the wait is fair. A request
 * that gets no turn within {@code aftercare.web.queue-wait} gets the calm busy answer from {@link BusyFilter} (503).
 * <p>
 * Not queued: webhooks (senders have their own short time limits and get 503 from the pool directly), the actuator
 * (probes and metrics must answer while pages are busy) and static files. See docs/decisions/0059.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 21)
class RequestQueue extends OncePerRequestFilter {

    private static final String[] NOT_QUEUED = {"/webhooks/", "/actuator", "/css/", "/js/", "/img/", "/webjars/",
        "/favicon"};

    private final Semaphore turns;

    private final int size;

    private final Duration wait;

    private final AtomicInteger waiting = new AtomicInteger();

    RequestQueue(Environment environment, MeterRegistry meters,
                 @Value("${aftercare.web.concurrent-requests:0}") int concurrent,
                 @Value("${aftercare.web.queue-wait:10s}") Duration wait) {
        this.size = concurrent > 0 ? concurrent : fromPool(environment);
        this.turns = new Semaphore(size, true);
        this.wait = wait;
        Gauge.builder("aftercare.web.requests.waiting", waiting, AtomicInteger::get)
            .description("Requests for pages and the API waiting for their turn").register(meters);
        Gauge.builder("aftercare.web.requests.active", this, q -> q.size - q.turns.availablePermits())
            .description("Requests for pages and the API being answered").register(meters);
    }

    /**
     * Half the pool: the other half stays for webhooks and scheduled work (the delivery appliers, the scheduler's
     * threads); at least two requests at a time.
     */
    private static int fromPool(Environment environment) {
        int pool = environment.getProperty("spring.datasource.hikari.maximum-pool-size", Integer.class, 10);
        return Math.max(2, pool / 2);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String prefix : NOT_QUEUED) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        waiting.incrementAndGet();
        boolean turn;
        try {
            turn = turns.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            turn = false;
        } finally {
            waiting.decrementAndGet();
        }
        if (!turn) {
            throw new TransientDataAccessResourceException("no turn within " + wait + " for "
                + request.getMethod() + " " + request.getRequestURI());
        }
        try {
            chain.doFilter(request, response);
        } finally {
            turns.release();
        }
    }
}
