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

    /**
     * Peer support's record of a care case of the past, as live events would have left it: the incidents it is
     * about and the outreach the person asked for in their check-in ({@code null} when they did not say).
     */
    void pastCase(UUID caseId, UUID personId, List<UUID> incidentIds, Instant openedAt, String outreachWish);

    /**
     * A request the person made in their check-in answer for a care case of the past (recorded first with
     * {@link #pastCase}), offered to {@code supporterId}, acknowledged, contact made and closed after the given
     * times. The contact is the case's first outreach, as it is for a live request.
     */
    void pastRequestFromCheckIn(UUID caseId, UUID personId, UUID supporterId, Instant requestedAt,
                                Duration acknowledgedAfter, Duration contactAfter, Duration closedAfter);

    /** A request the person makes now, assigned (or left waiting for the coordinators) exactly as a live one. */
    UUID requestNow(UUID personId);
}
