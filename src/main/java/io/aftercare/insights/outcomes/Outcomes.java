package io.aftercare.insights.outcomes;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.springframework.stereotype.Service;

import io.aftercare.care.CareAnswersForInsight;
import io.aftercare.care.CareAnswersForInsight.CaseAnswers;
import io.aftercare.care.CareAnswersForInsight.FollowUp;
import io.aftercare.care.CareAnswersForInsight.Measure;
import io.aftercare.insights.Cell;
import io.aftercare.insights.Figure;
import io.aftercare.insights.Question;
import io.aftercare.insights.Release;
import io.aftercare.insights.RuleSet;
import io.aftercare.insights.Statistic;
import io.aftercare.insights.Window;
import io.aftercare.insights.teams.FigureWords;
import io.aftercare.insights.teams.ReleasedMonths;
import io.aftercare.peersupport.OutreachForInsight;
import io.aftercare.recovery.ToolUseForInsight;

/**
 * "Does it help?": for the people whose day-30 follow-up was answered in a released month, the median change from
 * their day-1 follow-up in each measure, for those who used a recovery tool against those who did not, and for those
 * someone reached out to within 24 hours against those nobody did. Each group is one question to the rule set, so a
 * group too small to show is hidden.
 */
@Service
public class Outcomes {

    static final int FIRST_DAY = 1;
    static final int LAST_DAY = 30;
    static final Duration TOOL_WINDOW = Duration.ofDays(LAST_DAY);
    static final Duration SOON = Duration.ofHours(24);

    private final CareAnswersForInsight care;
    private final OutreachForInsight outreach;
    private final ToolUseForInsight tools;
    private final RuleSet ruleSet;
    private final FigureWords words;

    Outcomes(CareAnswersForInsight care, OutreachForInsight outreach, ToolUseForInsight tools, RuleSet ruleSet,
             FigureWords words) {
        this.care = care;
        this.outreach = outreach;
        this.tools = tools;
        this.ruleSet = ruleSet;
        this.words = words;
    }

    /** One group's median change, as released. */
    public record Group(String figure, String group, String label, String text, Figure released) {
        public boolean hidden() {
            return released instanceof Figure.Hidden;
        }
    }

    /** One measure's two comparisons. */
    public record MeasureOutcome(String measure, String heading, List<Group> groups) {
    }

    public record Report(YearMonth month, String monthLabel, List<MeasureOutcome> measures) {
    }

    /** A person's change from day 1 to day 30 in tenths of a point, with what it is compared by. */
    private record Change(UUID personId, Map<Measure, Integer> tenths, boolean usedATool, boolean reachedSoon) {
    }

    Report report(UUID viewer, YearMonth month, Locale locale) {
        Instant start = ReleasedMonths.start(month);
        Instant end = ReleasedMonths.end(month);
        List<Change> changes = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        List<CaseAnswers> cases = care.casesFollowedUp(start, end).stream().filter(c -> !c.optedOut()).toList();
        Map<UUID, Instant> first = outreach.firstOutreach(cases.stream().map(CaseAnswers::caseId).toList(), end);
        for (CaseAnswers c : cases) {
            FollowUp day1 = day(c, FIRST_DAY);
            FollowUp day30 = day(c, LAST_DAY);
            if (day1 == null || day30 == null || day30.answeredAt().isBefore(start) || !seen.add(c.personId())) {
                continue;
            }
            Map<Measure, Integer> tenths = new java.util.EnumMap<>(Measure.class);
            for (Measure m : Measure.values()) {
                Double a = day1.measures().get(m);
                Double b = day30.measures().get(m);
                if (a != null && b != null) {
                    tenths.put(m, (int) Math.round((b - a) * 10));
                }
            }
            Instant reached = first.get(c.caseId());
            changes.add(new Change(c.personId(), tenths,
                tools.usedATool(c.personId(), c.openedAt(), c.openedAt().plus(TOOL_WINDOW)),
                reached != null && !reached.isAfter(c.openedAt().plus(SOON))));
        }
        Window window = Window.Months.of(month);
        List<MeasureOutcome> measures = new ArrayList<>();
        for (Measure m : Measure.values()) {
            String name = words.text("insight.measure." + m.name(), locale);
            List<Change> with = changes.stream().filter(c -> c.tenths().containsKey(m)).toList();
            List<Group> groups = new ArrayList<>();
            groups.addAll(compare(viewer, window, "outcome." + m.name() + ".tools", with, Change::usedATool, m,
                List.of("tools", "noTools"), name, locale));
            groups.addAll(compare(viewer, window, "outcome." + m.name() + ".outreach", with, Change::reachedSoon, m,
                List.of("reached", "notReached"), name, locale));
            measures.add(new MeasureOutcome(m.name(), name, groups));
        }
        return new Report(month, DateTimeFormatter.ofPattern("MMMM yyyy", locale).format(month), measures);
    }

    /**
     * Each group is a question of its own: the rule set shows no parts of a median, and its release log keeps the
     * two groups apart only if they never overlap, which they do not (each person is in one or the other).
     */
    private List<Group> compare(UUID viewer, Window window, String figure, List<Change> changes,
                                Predicate<Change> in, Measure measure, List<String> names, String measureName,
                                Locale locale) {
        List<Group> groups = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Predicate<Change> member = i == 0 ? in : in.negate();
            String name = figure + "." + names.get(i);
            Release r = ruleSet.release(viewer, Question.of(name, Statistic.MEDIAN, window,
                cell(names.get(i), changes.stream().filter(member).toList(), measure)));
            String label = words.text("outcome.group." + names.get(i), locale);
            Figure f = r.whole();
            String text = f instanceof Figure.Median med
                ? words.text("outcome.change", locale, label, measureName, change(med.value(), locale), med.of())
                : words.hidden(locale);
            groups.add(new Group(name, names.get(i), label, text, f instanceof Figure.Median ? f : new Figure.Hidden()));
        }
        return groups;
    }

    /** Tenths of a point as "went down by 0.5", "went up by 1.0", "did not change". */
    private String change(double tenths, Locale locale) {
        double points = tenths / 10.0;
        String amount = String.format(locale, "%.1f", Math.abs(points));
        if (Math.abs(points) < 0.05) {
            return words.text("outcome.change.none", locale);
        }
        return words.text(points < 0 ? "outcome.change.down" : "outcome.change.up", locale, amount);
    }

    private static Cell cell(String label, List<Change> changes, Measure measure) {
        Set<UUID> people = new HashSet<>();
        List<Integer> values = new ArrayList<>();
        for (Change c : changes) {
            if (people.add(c.personId())) {
                values.add(c.tenths().get(measure));
            }
        }
        return new Cell(label, people, values);
    }

    private static FollowUp day(CaseAnswers c, int day) {
        return c.followUps().stream().filter(f -> f.day() == day).findFirst().orElse(null);
    }
}
