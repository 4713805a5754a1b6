package io.aftercare.notify.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.aftercare.directory.PersonRef;

/**
 * A test channel that allows one message a second per person, like Slack's chat.postMessage, and records when each
 * person was sent to, so a test can check the pace was never exceeded.
 */
public class LimitedChannel implements Channel {

    public final Map<UUID, List<Instant>> sentTo = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "LIMITED";
    }

    @Override
    public boolean configured() {
        return true;
    }

    @Override
    public boolean reaches(PersonRef person) {
        return true;
    }

    @Override
    public Duration minInterval() {
        return Duration.ofSeconds(1);
    }

    @Override
    public void send(OutgoingMessage message, PersonRef person) {
        sentTo.computeIfAbsent(person.id(), k -> new CopyOnWriteArrayList<>()).add(Instant.now());
    }
}
