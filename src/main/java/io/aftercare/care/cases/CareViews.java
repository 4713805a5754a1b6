package io.aftercare.care.cases;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the person's own pages and API show: only ever built for the person themselves. */
public final class CareViews {

    private CareViews() {
    }

    public record IncidentView(UUID incidentId, String title, String severity, String role, Instant resolvedAt,
                               List<String> reasons) {
    }

    /**
     * @param stage  OPENED, CHECKED_IN, FOLLOWING_UP or CLOSED
     * @param origin INCIDENT, SELF or SUGGESTED
     */
    public record CaseView(UUID id, String stage, String origin, boolean muted, Instant openedAt, Instant closedAt,
                           String closedReason, List<IncidentView> incidents) {

        public boolean open() {
            return CaseStage.valueOf(stage).open();
        }
    }

    /**
     * A check-in or follow-up.
     *
     * @param kind   CHECK_IN or FOLLOW_UP
     * @param day    0 for the check-in, else the follow-up's day
     * @param status PENDING, ANSWERED, NOT_NOW, FINE, SKIPPED or LAPSED (SCHEDULED ones are not shown)
     */
    public record StepView(UUID id, UUID caseId, String kind, int day, Instant dueAt, String status,
                           Instant remindedAt, Instant answeredAt, List<IncidentView> incidents,
                           CheckInAnswerView checkIn, FollowUpAnswerView followUp) {

        public boolean pending() {
            return StepStatus.PENDING.name().equals(status);
        }

        public boolean checkInStep() {
            return StepKind.CHECK_IN.name().equals(kind);
        }
    }

    public record CheckInAnswerView(int stress, List<String> effects, String outreach, String note) {
    }

    public record FollowUpAnswerView(Map<String, Integer> items, String note) {
    }

    public record SuggestionView(UUID id, Instant createdAt) {
    }

    /**
     * What a lead sees of one team member: who they are, so that a check-in can be suggested. Nothing of their care:
     * not whether a case is open, not whether they answered.
     */
    public record TeamMember(UUID personId, String name) {
    }

    public record OpenedCase(UUID caseId, UUID checkInId) {
    }
}
