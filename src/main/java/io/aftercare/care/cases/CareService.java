package io.aftercare.care.cases;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.aftercare.care.CareCases;
import io.aftercare.care.ResolvedIncident;
import io.aftercare.care.cases.CareViews.CaseView;
import io.aftercare.care.cases.CareViews.OpenedCase;
import io.aftercare.care.cases.CareViews.StepView;
import io.aftercare.care.cases.CareViews.SuggestionView;
import io.aftercare.care.cases.CareViews.TeamMember;

/**
 * The care cases' facade: each call is one use case ({@link OpenCases}, {@link DueSteps}, {@link AnswerStep},
 * {@link OwnControls}, {@link AnswerLinks}, {@link LeadSuggestions}, {@link OwnViews}), run in one transaction; SQL
 * and row mapping are {@link CareStore}'s. Every method that reads or changes a person's case takes that person's id
 * and answers “not found” for anyone else's: there is no way in here to read another person's answers.
 */
@Service
class CareService implements CareCases {

    /** The person and step a signed link answers. */
    record LinkTarget(UUID personId, UUID stepId) {
    }

    /** The request body of an answer: a check-in's fields, a follow-up's items, or a quick response. */
    record AnswerBody(String response, Integer stress, List<String> effects, String outreach,
                      Map<String, Integer> items, String note) {
    }

    private final OpenCases opening;
    private final DueSteps due;
    private final AnswerStep answers;
    private final OwnControls controls;
    private final AnswerLinks links;
    private final LeadSuggestions suggestions;
    private final OwnViews views;
    private final CareStore store;

    CareService(OpenCases opening, DueSteps due, AnswerStep answers, OwnControls controls, AnswerLinks links,
                LeadSuggestions suggestions, OwnViews views, CareStore store) {
        this.opening = opening;
        this.due = due;
        this.answers = answers;
        this.controls = controls;
        this.links = links;
        this.suggestions = suggestions;
        this.views = views;
        this.store = store;
    }

    // ---------------------------------------------------------------- opening cases

    @Override
    @Transactional
    public List<UUID> incidentResolved(ResolvedIncident incident) {
        return opening.incidentResolved(incident, true);
    }

    @Override
    @Transactional
    public List<UUID> incidentsResolved(List<ResolvedIncident> incidents) {
        Set<UUID> cases = new LinkedHashSet<>();
        incidents.forEach(incident -> cases.addAll(opening.incidentResolved(incident, true)));
        return List.copyOf(cases);
    }

    /** “I had a rough one”: a case the person opens for themselves, with its check-in waiting right away. */
    @Transactional
    OpenedCase openForSelf(UUID personId, CaseOrigin origin) {
        return opening.forSelf(personId, origin);
    }

    @Override
    @Transactional
    public UUID openForSelf(UUID personId) {
        return openForSelf(personId, CaseOrigin.SELF).checkInId();
    }

    // ---------------------------------------------------------------- due steps (run by db-scheduler)

    @Transactional
    void stepDue(UUID stepId) {
        due.stepDue(stepId);
    }

    @Transactional
    void reminderDue(UUID stepId) {
        due.reminderDue(stepId);
    }

    // ---------------------------------------------------------------- answering

    /** Answers a pending check-in or follow-up of the person's own. @return the step's kind */
    @Transactional
    String answer(UUID personId, UUID stepId, AnswerBody body) {
        return answers.answer(personId, stepId, body).name();
    }

    @Override
    @Transactional
    public void answerStress(UUID personId, UUID stepId, int stress) {
        answers.answerStress(personId, stepId, stress);
    }

    @Override
    @Transactional
    public void notNow(UUID personId, UUID stepId) {
        answers.notNow(personId, stepId);
    }

    // ---------------------------------------------------------------- signed answer links

    @Override
    @Transactional
    public URI answerLink(UUID stepId) {
        return links.create(stepId);
    }

    Optional<LinkTarget> link(String token) {
        return links.target(token);
    }

    @Transactional
    String answerByLink(String token, AnswerBody body) {
        return links.answer(token, body).name();
    }

    static String hash(String token) {
        return AnswerLinks.hash(token);
    }

    // ---------------------------------------------------------------- the person's own controls

    @Transactional
    void close(UUID personId, UUID caseId) {
        controls.close(personId, caseId);
    }

    @Transactional
    void reopen(UUID personId, UUID caseId) {
        controls.reopen(personId, caseId);
    }

    @Transactional
    void stopAsking(UUID personId, UUID caseId) {
        controls.stopAsking(personId, caseId);
    }

    @Transactional
    void setOptedOut(UUID personId, boolean optedOut) {
        controls.setOptedOut(personId, optedOut);
    }

    @Override
    public boolean hasOptedOut(UUID personId) {
        return store.hasOptedOut(personId);
    }

    @Override
    public boolean hasOpenCaseSince(UUID personId, Instant since) {
        return store.hasOpenCaseSince(personId, since);
    }

    @Override
    public boolean isOwnCase(UUID personId, UUID caseId) {
        return store.isOwnCase(personId, caseId);
    }

    // ---------------------------------------------------------------- reading one's own

    CaseView ownCase(UUID personId, UUID caseId) {
        return views.ownCase(personId, caseId);
    }

    List<CaseView> cases(UUID personId) {
        return views.cases(personId, null);
    }

    /** The person's check-ins and follow-ups that have fallen due (pending and past), newest first. */
    List<StepView> steps(UUID personId) {
        return views.steps(personId, null);
    }

    /** The person's cases and steps that have fallen due, notes left sealed: what My aftercare shows. */
    OwnViews.Own ownWithoutNotes(UUID personId) {
        return views.withoutNotes(personId);
    }

    Optional<StepView> step(UUID personId, UUID stepId) {
        return views.step(personId, stepId);
    }

    // ---------------------------------------------------------------- leads

    @Transactional
    void suggest(UUID leadId, UUID teamId, UUID personId) {
        suggestions.suggest(leadId, teamId, personId);
    }

    List<SuggestionView> suggestions(UUID personId) {
        return suggestions.open(personId);
    }

    /** @return the opened case when the person accepted */
    @Transactional
    Optional<OpenedCase> respondToSuggestion(UUID personId, UUID suggestionId, boolean accept) {
        return suggestions.respond(personId, suggestionId, accept);
    }

    List<TeamMember> team(UUID teamId) {
        return suggestions.team(teamId);
    }
}
