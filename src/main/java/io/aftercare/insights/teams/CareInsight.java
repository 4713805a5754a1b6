package io.aftercare.insights.teams;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.aftercare.care.CareAnswersForInsight;
import io.aftercare.care.CareAnswersForInsight.CaseAnswers;
import io.aftercare.care.CareAnswersForInsight.FollowedUp;
import io.aftercare.care.CareAnswersForInsight.Hours;
import io.aftercare.care.CareAnswersForInsight.Measure;
import io.aftercare.insights.Cell;
import io.aftercare.insights.Figure;
import io.aftercare.insights.Question;
import io.aftercare.insights.Release;
import io.aftercare.insights.RuleSet;
import io.aftercare.insights.Statistic;
import io.aftercare.insights.Window;
import io.aftercare.peersupport.OutreachForInsight;

/**
 * The team dashboard and the organisation's view of one released month, from care's answers: every figure is a
 * {@link Question} to the {@link RuleSet}, and only what it releases is put into words. Nothing here counts or
 * filters anyone's answers for display; it only says who is in which group and what each person's value is.
 */
@Service
public class CareInsight {

    /** Severities in the order they are shown. */
    static final List<String> SEVERITIES = List.of("SEV1", "SEV2", "SEV3", "SEV4", "SEV5");
    /** The follow-up days shown (care's defaults). */
    static final List<Integer> FOLLOW_UP_DAYS = List.of(1, 7, 30);
    static final List<String> EFFECTS = List.of("ANXIETY_ABOUT_NEXT_INCIDENT", "LOSS_OF_CONFIDENCE",
        "SLEEPING_DIFFICULTIES", "REDUCED_JOB_SATISFACTION", "WORRY_ABOUT_REPUTATION", "NONE");

    private final CareAnswersForInsight care;
    private final OutreachForInsight outreach;
    private final RuleSet ruleSet;
    private final FigureWords words;

    CareInsight(CareAnswersForInsight care, OutreachForInsight outreach, RuleSet ruleSet, FigureWords words) {
        this.care = care;
        this.outreach = outreach;
        this.ruleSet = ruleSet;
        this.words = words;
    }

    /**
     * The month for one team (the teams people were in at their incident), or for everyone when {@code teamId} is
     * null. One transaction: the viewer's release log is locked once and every figure is logged in one commit.
     */
    @Transactional
    public InsightReport report(UUID viewer, UUID teamId, YearMonth month, Locale locale) {
        String monthLabel = DateTimeFormatter.ofPattern("MMMM yyyy", locale).format(month);
        Window window = Window.Months.of(month);
        Instant start = ReleasedMonths.start(month);
        Instant end = ReleasedMonths.end(month);
        // the month's cases and its follow-ups in one read; a team's are read alone, not picked from the organisation's
        CareAnswersForInsight.Month cases = care.month(start, end, ReleasedMonths.releasedAt(month), teamId);
        List<CaseAnswers> everyone = firstOfEach(cases.opened());
        // rule 8: whoever has opted out is out of every figure from then on, but the one about opting out
        List<CaseAnswers> taking = everyone.stream().filter(c -> !c.optedOut()).toList();
        List<CaseAnswers> checkedIn = taking.stream().filter(c -> c.stress() != null).toList();

        Asker ask = new Asker(viewer, window);
        List<InsightReport.Section> sections = new ArrayList<>();

        // stress after incidents, by severity and by hours: parts of one question each
        Function<CaseAnswers, Integer> stressed = c -> c.stress() >= 4 ? 1 : 0;
        List<InsightReport.Line> stress = new ArrayList<>();
        Cell all = cell("all", checkedIn, stressed);
        // only the severities and hours someone was in: an empty part would hide every other part with it
        List<String> severities = SEVERITIES.stream()
            .filter(s -> checkedIn.stream().anyMatch(c -> s.equals(c.severity()))).toList();
        List<Cell> bySeverity = severities.stream()
            .map(s -> cell(s, checkedIn.stream().filter(c -> s.equals(c.severity())).toList(), stressed)).toList();
        // one figure name for both breakdowns: the release log then shows at most one breakdown of the same people,
        // so that neither can be subtracted from the other or from the whole (decision 0038)
        Release severity = ask.release("care.stressed", Statistic.SHARE, all, bySeverity);
        boolean bySeverityShown = !bySeverity.isEmpty()
            && severity.parts().stream().noneMatch(part -> part instanceof Figure.Hidden);
        stress.add(bySeverityShown
            ? new InsightReport.Line("care.stressed.severity", "all", words.text("insight.stressed.label", locale),
                words.text("insight.stressed.whole.byParts", locale), severity.whole(), List.of())
            : words.line("care.stressed.severity", "all", words.text("insight.stressed.label", locale),
                severity.whole(), locale, "insight.stressed.whole", monthLabel));
        for (int i = 0; i < severities.size(); i++) {
            String s = severities.get(i);
            stress.add(words.line("care.stressed.severity", s, words.text("insight.stressed.severity.label", locale, s),
                severity.parts().get(i), locale, "insight.stressed.severity", s));
        }
        if (bySeverityShown) {
            // asked too, the breakdown by hours would be refused by the release log anyway: say why it is not here
            stress.add(new InsightReport.Line("care.stressed.hours", "all",
                words.text("insight.stressed.hours.byParts.label", locale),
                words.text("insight.stressed.hours.byParts", locale), new Figure.Hidden(), List.of()));
        } else {
            List<Hours> hoursPresent = java.util.Arrays.stream(Hours.values())
                .filter(h -> checkedIn.stream().anyMatch(c -> c.hours() == h)).toList();
            List<Cell> byHours = new ArrayList<>();
            for (Hours h : hoursPresent) {
                byHours.add(cell(h.name(), checkedIn.stream().filter(c -> c.hours() == h).toList(), stressed));
            }
            Release hours = ask.release("care.stressed", Statistic.SHARE, all, byHours);
            for (int i = 0; i < hoursPresent.size(); i++) {
                String h = hoursPresent.get(i).name();
                String when = words.text("insight.hours." + h, locale);
                stress.add(words.line("care.stressed.hours", h,
                    words.text("insight.stressed.hours.label", locale, when), hours.parts().get(i), locale,
                    "insight.stressed.hours", when));
            }
        }
        sections.add(new InsightReport.Section("stress", words.text("insight.section.stress", locale), stress));

        // effects noticed: one question each, over everyone who answered the check-in
        List<InsightReport.Line> effects = new ArrayList<>();
        for (String effect : EFFECTS) {
            String figure = "care.effects." + effect;
            Release r = ask.release(figure, Statistic.SHARE,
                cell("all", checkedIn, c -> c.effects().contains(effect) ? 1 : 0), List.of());
            String name = words.text("care.effect." + effect, locale);
            effects.add(words.line(figure, "all", name, r.whole(), locale,
                "NONE".equals(effect) ? "insight.effects.none" : "insight.effects.one",
                name.toLowerCase(locale)));
        }
        sections.add(new InsightReport.Section("effects", words.text("insight.section.effects", locale), effects));

        // outreach: within 24 and 72 hours of the case opening, and the median time to it
        List<InsightReport.Line> reach = outreachLines(ask, taking, month, locale);
        sections.add(new InsightReport.Section("outreach", words.text("insight.section.outreach", locale), reach));

        // follow-ups: each measure at each day, in three bands, counted in the month they were answered
        List<FollowedUp> followedUp = cases.followedUp().stream().filter(c -> !c.optedOut()).toList();
        List<InsightReport.Line> followUps = new ArrayList<>();
        for (Measure measure : Measure.values()) {
            for (int day : FOLLOW_UP_DAYS) {
                // each case's value worked out once: who answered, and their value
                Map<UUID, Integer> values = new HashMap<>();
                List<FollowedUp> answered = new ArrayList<>();
                for (FollowedUp c : followedUp) {
                    Double value = followUpValue(c.followUps(), day, measure, start, end);
                    if (value != null) {
                        answered.add(c);
                        values.put(c.caseId(), (int) Math.round(value));
                    }
                }
                String figure = "care.followup." + measure.name() + ".day" + day;
                Release r = ask.release(figure, Statistic.BANDS,
                    cell("all", answered, FollowedUp::personId, c -> values.get(c.caseId())), List.of());
                String name = words.text("insight.measure." + measure.name(), locale);
                followUps.add(words.bandsLine(figure, words.text("insight.followup.label", locale, name, day),
                    r.whole(), locale, name, day));
            }
        }
        sections.add(new InsightReport.Section("followups",
            words.text("insight.section.followups", locale, monthLabel), followUps));

        // opting out: of everyone with a case that month, who had opted out by the time it was released
        Release out = ask.release("care.optedout", Statistic.SHARE,
            cell("all", everyone, c -> c.optedOutInTime() ? 1 : 0), List.of());
        sections.add(new InsightReport.Section("optout", words.text("insight.section.optout", locale),
            List.of(words.line("care.optedout", "all", words.text("insight.optout.label", locale), out.whole(),
                locale, "insight.optout", monthLabel))));
        return new InsightReport(month, monthLabel, sections);
    }

    /**
     * The organisation's outreach figures of one released month, asked under the same names and of the same people
     * as on its insight page: programme health shows them, and a coordinator who reads both is given one answer.
     */
    public List<InsightReport.Line> outreach(UUID viewer, YearMonth month, Locale locale) {
        List<CaseAnswers> taking = firstOfEach(care.casesOpened(ReleasedMonths.start(month), ReleasedMonths.end(month),
            ReleasedMonths.releasedAt(month))).stream().filter(c -> !c.optedOut()).toList();
        return outreachLines(new Asker(viewer, Window.Months.of(month)), taking, month, locale);
    }

    /** The case's measure on that follow-up day, when it was answered in the month. */
    private static Double followUpValue(List<CareAnswersForInsight.FollowUp> followUps, int day, Measure measure,
                                        Instant start, Instant end) {
        for (CareAnswersForInsight.FollowUp f : followUps) {
            if (f.day() == day && !f.answeredAt().isBefore(start) && f.answeredAt().isBefore(end)) {
                Double value = f.measures().get(measure);
                if (value != null) {
                    return value;
                }
            }
        }
        return null;
    }

    /** One case per person, their first of the month (the cases come by when they opened). */
    private static List<CaseAnswers> firstOfEach(List<CaseAnswers> opened) {
        Map<UUID, CaseAnswers> byPerson = new LinkedHashMap<>();
        for (CaseAnswers c : opened) {
            byPerson.putIfAbsent(c.personId(), c);
        }
        return List.copyOf(byPerson.values());
    }

    private List<InsightReport.Line> outreachLines(Asker ask, List<CaseAnswers> taking, YearMonth month,
                                                   Locale locale) {
        Map<UUID, Instant> firstOutreach = outreach.firstOutreach(
            taking.stream().map(CaseAnswers::caseId).toList(), ReleasedMonths.releasedAt(month));
        List<InsightReport.Line> reach = new ArrayList<>();
        for (int hoursWithin : List.of(24, 72)) {
            Duration limit = Duration.ofHours(hoursWithin);
            String figure = "care.outreach." + hoursWithin + "h";
            Release r = ask.release(figure, Statistic.SHARE, cell("all", taking, c -> {
                Instant first = firstOutreach.get(c.caseId());
                return first != null && !first.isAfter(c.openedAt().plus(limit)) ? 1 : 0;
            }), List.of());
            reach.add(words.line(figure, "all", words.text("insight.outreach.label", locale, hoursWithin), r.whole(),
                locale, "insight.outreach.within", hoursWithin));
        }
        List<CaseAnswers> reached = taking.stream().filter(c -> firstOutreach.containsKey(c.caseId())).toList();
        Release median = ask.release("care.outreach.median", Statistic.MEDIAN, cell("all", reached,
            c -> (int) Math.max(0, Duration.between(c.openedAt(), firstOutreach.get(c.caseId())).toMinutes())),
            List.of());
        reach.add(words.medianLine("care.outreach.median", words.text("insight.outreach.median.label", locale),
            median.whole(), locale));
        return reach;
    }

    static Cell cell(String label, List<CaseAnswers> cases, Function<CaseAnswers, Integer> value) {
        return cell(label, cases, CaseAnswers::personId, value);
    }

    /** A group of people, each counted once with the value of their first case in the list. */
    static <T> Cell cell(String label, List<T> cases, Function<T, UUID> person, Function<T, Integer> value) {
        Set<UUID> people = new HashSet<>();
        List<Integer> values = new ArrayList<>();
        for (T c : cases) {
            if (people.add(person.apply(c))) {
                values.add(value.apply(c));
            }
        }
        return new Cell(label, people, values);
    }

    /** Asks the rule set on behalf of one viewer, for one month. */
    private final class Asker {
        private final UUID viewer;
        private final Window window;

        Asker(UUID viewer, Window window) {
            this.viewer = viewer;
            this.window = window;
        }

        Release release(String figure, Statistic statistic, Cell whole, List<Cell> parts) {
            return ruleSet.release(viewer, new Question(figure, statistic, window, whole, parts));
        }
    }
}
