package io.aftercare.peersupport;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Peer support that already happened, and the programme's set-up, for the demo organisation (as care's
 * {@code CareHistory} is for care). Past requests are written as they would have ended, with no event, message or
 * deadline for the past; only {@link #requestNow} is a live request.
 */
public interface SupportHistory {

    /** Puts a person who has the SUPPORTER role on the roster, with the languages they speak. */
    void onRoster(UUID personId, List<String> languages);

    /** A professional resource shown to everyone ({@code kind}: CRISIS, EAP, COUNSELLING or OTHER). */
    void resource(String country, String language, String kind, String name, String description, String contact,
                  String url);

    /**
     * A request the person made themselves (not from a check-in) at {@code requestedAt}, offered to
     * {@code supporterId}, acknowledged, contact made and closed by the supporter after the given times.
     */
    void pastRequest(UUID personId, UUID supporterId, Instant requestedAt, Duration acknowledgedAfter,
                     Duration contactAfter, Duration closedAfter);

    /** A request the person makes now, assigned (or left waiting for the coordinators) exactly as a live one. */
    UUID requestNow(UUID personId);
}
