package io.aftercare.care.cases;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.aftercare.care.OwnSupportRequest;
import io.aftercare.care.RecoveryTools;
import io.aftercare.care.cases.CareViews.CaseView;
import io.aftercare.care.cases.CareViews.StepView;
import io.aftercare.care.cases.CareViews.SuggestionView;
import io.aftercare.shared.ReadOnce;

/**
 * What the person's own My aftercare page shows, in the order it shows it: how they have been (sentences first),
 * what is waiting for them (check-ins due, an open support request, when the next follow-up comes), their recovery
 * tools, their own charts, and their history grouped by case. Only ever built for the person themselves.
 */
@Component
class MyAftercare {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    /**
     * @param nextFollowUp the next follow-up not yet due, or null
     * @param support      the person's own open support request, or null
     */
    record Page(List<SuggestionView> suggestions, OwnTrends.Trends trends, List<StepView> waiting,
                NextFollowUp nextFollowUp, OwnSupportRequest.OpenRequest support, List<RecoveryTools.Link> tools,
                List<CaseHistory> history, boolean optedOut) {

        /** Nothing to answer and no request open (a follow-up still to come is said on its own line). */
        public boolean nothingWaiting() {
            return waiting.isEmpty() && support == null;
        }

        public List<CaseHistory> openCases() {
            return history.stream().filter(h -> h.kase().open()).toList();
        }

        public List<CaseHistory> closedCases() {
            return history.stream().filter(h -> !h.kase().open()).toList();
        }
    }

    /** @param when the day it falls due, in the person's own words and zone ("Tuesday 8 December") */
    record NextFollowUp(int day, Instant dueAt, String when) {
    }

    /**
     * One case with its check-ins and follow-ups that have fallen due, oldest first.
     *
     * @param when  the day it opened (or, once closed, closed) in the person's zone: "24 Nov"
     * @param tools the recovery tools for this case (open cases only)
     */
    record CaseHistory(CaseView kase, List<StepView> steps, String when, List<RecoveryTools.Link> tools) {

        public long answered() {
            return steps.stream().filter(s -> StepStatus.ANSWERED.name().equals(s.status())).count();
        }
    }

    private final CareService care;
    private final OwnTrends trends;
    private final StepStore steps;
    private final ObjectProvider<OwnSupportRequest> support;
    private final ObjectProvider<RecoveryTools> recovery;
    /** The recovery tools in their order, looked up once: a look-up each call was 3 % of the page's time. */
    private volatile List<RecoveryTools> tools;

    MyAftercare(CareService care, OwnTrends trends, StepStore steps, ObjectProvider<OwnSupportRequest> support,
                ObjectProvider<RecoveryTools> recovery) {
        this.care = care;
        this.trends = trends;
        this.steps = steps;
        this.support = support;
        this.recovery = recovery;
    }

    /** The page; what several parts of it read alike (the person's rotations, teams, record) is read once. */
    Page page(UUID personId, ZoneId zone, Locale locale) {
        return ReadOnce.during(() -> build(personId, zone, locale));
    }

    private Page build(UUID personId, ZoneId zone, Locale locale) {
        OwnViews.Own own = care.ownWithoutNotes(personId);
        List<StepView> steps = own.steps();
        List<CaseView> cases = own.cases();
        List<StepView> waiting = steps.stream().filter(StepView::pending)
            .sorted(Comparator.comparing(StepView::dueAt)).toList();
        Map<UUID, List<StepView>> byCase = steps.stream().filter(s -> !s.pending())
            .sorted(Comparator.comparing(StepView::dueAt).thenComparing(StepView::day))
            .collect(Collectors.groupingBy(StepView::caseId));
        List<CaseHistory> history = new ArrayList<>();
        for (CaseView c : cases) {
            Instant when = c.open() || c.closedAt() == null ? c.openedAt() : c.closedAt();
            List<RecoveryTools.Link> tools = c.open()
                ? tools().stream().flatMap(t -> t.forCase(personId, c.id(), locale).stream()).toList()
                : List.of();
            history.add(new CaseHistory(c, byCase.getOrDefault(c.id(), List.of()), SHORT.format(when.atZone(zone)),
                tools));
        }
        OwnSupportRequest requests = support.getIfAvailable();
        boolean optedOut = care.hasOptedOut(personId);
        return new Page(care.suggestions(personId), trends.of(steps, zone, locale), waiting,
            optedOut ? null : nextFollowUp(personId, zone),
            requests == null ? null : requests.openRequest(personId).orElse(null),
            tools().stream().flatMap(t -> t.onMyAftercare(personId, locale).stream()).toList(), history,
            optedOut);
    }

    private List<RecoveryTools> tools() {
        List<RecoveryTools> known = tools;
        if (known == null) {
            known = recovery.orderedStream().toList();
            tools = known;
        }
        return known;
    }

    /** The earliest follow-up still to come, of a case that is open and that the person has not silenced. */
    private NextFollowUp nextFollowUp(UUID personId, ZoneId zone) {
        return steps.comingFollowUps(personId, null, List.of(StepStatus.SCHEDULED)).stream().findFirst()
            .map(f -> new NextFollowUp(f.day(), f.dueAt(), DAY.format(f.dueAt().atZone(zone))))
            .orElse(null);
    }
}
