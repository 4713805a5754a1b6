package io.aftercare.identity.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows down and then locks repeated failed sign-ins, per account and per address. Kept in the database so
 * that every instance sees the same counts.
 *
 * <p>After {@code slowAfter} failures each further attempt must wait (2, 4, 8 … up to 60 seconds after the last
 * failure); after {@code lockAfter} failures the key is locked for {@code lockDuration}.
 */
@Component
public class LoginThrottle {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int slowAfter;
    private final int lockAfter;
    private final Duration lockDuration;

    LoginThrottle(JdbcClient jdbc, Clock clock,
                  @Value("${aftercare.login.slow-after}") int slowAfter,
                  @Value("${aftercare.login.lock-after}") int lockAfter,
                  @Value("${aftercare.login.lock-duration}") Duration lockDuration) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.slowAfter = slowAfter;
        this.lockAfter = lockAfter;
        this.lockDuration = lockDuration;
    }

    record State(int failures, Instant lastFailure, Instant lockedUntil) {
    }

    private Optional<State> load(String key) {
        return jdbc.sql("SELECT failures, last_failure_at, locked_until FROM login_throttle WHERE throttle_key = ?")
            .param(key)
            .query((rs, n) -> new State(rs.getInt(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                Optional.ofNullable(rs.getObject(3, OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null)))
            .optional()
            .filter(s -> !expired(s, clock.instant()));
    }

    /** A lock that has run out, or failures long ago, start again from nothing. */
    private boolean expired(State s, Instant now) {
        if (s.lockedUntil() != null) {
            return !s.lockedUntil().isAfter(now);
        }
        return s.lastFailure().plus(lockDuration).isBefore(now);
    }

    /** How long the caller must wait before trying again, if at all. */
    public Optional<Duration> waitFor(List<String> keys) {
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        for (String key : keys) {
            Optional<State> state = load(key);
            if (state.isEmpty()) {
                continue;
            }
            State s = state.get();
            Instant until = s.lockedUntil() != null ? s.lockedUntil()
                : s.failures() >= slowAfter ? s.lastFailure().plus(backoff(s.failures())) : now;
            Duration wait = Duration.between(now, until);
            if (wait.compareTo(longest) > 0) {
                longest = wait;
            }
        }
        return longest.isZero() || longest.isNegative() ? Optional.empty() : Optional.of(longest);
    }

    private Duration backoff(int failures) {
        int exponent = Math.min(failures - slowAfter + 1, 6);
        return Duration.ofSeconds(Math.min(60, 1L << exponent));
    }

    public void failed(List<String> keys) {
        Instant now = clock.instant();
        for (String key : keys) {
            int failures = load(key).map(State::failures).orElse(0) + 1;
            OffsetDateTime lockedUntil = failures >= lockAfter
                ? OffsetDateTime.ofInstant(now.plus(lockDuration), ZoneOffset.UTC) : null;
            OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
            int updated = jdbc.sql(
                    "UPDATE login_throttle SET failures = ?, last_failure_at = ?, locked_until = ? WHERE throttle_key = ?")
                .params(failures, at, lockedUntil, key).update();
            if (updated == 0) {
                try {
                    jdbc.sql("INSERT INTO login_throttle (throttle_key, failures, last_failure_at, locked_until) "
                            + "VALUES (?, ?, ?, ?)")
                        .params(key, failures, at, lockedUntil).update();
                } catch (DuplicateKeyException raced) {
                    // another attempt for the same key won the insert; its count stands
                }
            }
        }
    }

    public boolean isLocked(List<String> keys) {
        return keys.stream().map(this::load).flatMap(Optional::stream).anyMatch(s -> s.lockedUntil() != null);
    }

    public void succeeded(List<String> keys) {
        for (String key : keys) {
            jdbc.sql("DELETE FROM login_throttle WHERE throttle_key = ?").param(key).update();
        }
    }
}
