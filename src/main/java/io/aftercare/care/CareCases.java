package io.aftercare.care;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** The care module's API for other modules. */
public interface CareCases {

    /**
     * Opens (or joins, within 24 hours of an open case's last incident) a care case for every responder the trigger
     * rules pick, unless they opted out, and schedules their check-in and follow-ups. Idempotent per
     * (person, incident): delivering the same incident twice changes nothing.
     *
     * @return the ids of the cases the incident's people are now in (opened or joined)
     */
    List<UUID> incidentResolved(ResolvedIncident incident);

    /**
     * {@link #incidentResolved} for several incidents, in one transaction and in the given order: an incident
     * resolved within 24 hours of one before it in the list joins that one's case.
     *
     * @return the ids of the cases the incidents' people are now in, each once
     */
    List<UUID> incidentsResolved(List<ResolvedIncident> incidents);

    /** Whether the person opted out of care altogether; every module that would prompt them must honour it. */
    boolean hasOptedOut(UUID personId);

    /**
     * Whether the person has a case of their own open that was opened at or after {@code since} (an incident of
     * theirs, or one they opened for themselves). Says nothing of what they answered; for not asking people who are
     * in the middle of their own aftercare to look after someone else.
     */
    boolean hasOpenCaseSince(UUID personId, java.time.Instant since);

    /**
     * Whether the case (open or closed) is the person's own. Says nothing else about it; for the person's own tools
     * that hang off a case, so that anyone else's case id is "not found".
     */
    boolean isOwnCase(UUID personId, UUID caseId);

    /**
     * A signed link that answers one pending check-in or follow-up without signing in: single use, valid for
     * {@code aftercare.care.link-valid-for} (7 days). For delivery by e-mail or chat; only its hash is stored.
     */
    URI answerLink(UUID stepId);

    /**
     * “I had a rough one” from outside the app (a chat command): opens a case for the person with its check-in
     * waiting right away, as the My aftercare button does.
     *
     * @return the id of the case's waiting check-in (for {@link #answerLink(UUID)})
     */
    UUID openForSelf(UUID personId);

    /**
     * How stressed the person is (1 not at all … 5 very stressed), given with one click in a chat message: kept as
     * their own check-in answer so far, while the rest of the check-in stays open (its link still works, and the
     * full answer replaces this one). 404 unless the step is the person's own check-in; 409 when it is not pending.
     */
    void answerStress(UUID personId, UUID stepId, int stress);

    /** “Not now” for the person's own pending check-in or follow-up, given in a chat message. */
    void notNow(UUID personId, UUID stepId);
}
