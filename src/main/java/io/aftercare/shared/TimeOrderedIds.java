package io.aftercare.shared;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Version 7 UUIDs (RFC 9562): the first 48 bits are the Unix time in milliseconds, so ids made one after the other sort
 * one after the other. For rows written in volume (webhook deliveries, incidents, their timelines), where a random id
 * would put each new row on a random page of every index that holds it, and the database would rewrite that many
 * pages per commit; with these, new rows land at the end of the index, together.
 *
 * <p>Within one millisecond the next 12 bits count up, so ids from this JVM keep their order. The other 62 bits are
 * random but not from a secure source: these ids name rows, they are never secrets (links that must not be guessed
 * use signed tokens).
 */
public final class TimeOrderedIds {

    /** The time (ms) and counter of the last id, packed as time << 12 | counter. */
    private static final AtomicLong LAST = new AtomicLong();

    private TimeOrderedIds() {
    }

    public static UUID next() {
        long now = System.currentTimeMillis();
        long stamp = LAST.updateAndGet(last -> {
            long time = last >>> 12;
            // a clock that stepped back keeps counting on from the last id, so the order holds
            return time >= now ? last + 1 : now << 12;
        });
        long high = (stamp >>> 12) << 16 | 0x7000L | (stamp & 0xFFFL);
        long low = ThreadLocalRandom.current().nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
