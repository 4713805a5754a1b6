package io.aftercare.insights.programme;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BinaryOperator;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import io.aftercare.insights.Cell;
import io.aftercare.insights.Figure;
import io.aftercare.insights.FigureText;
import io.aftercare.insights.Question;
import io.aftercare.insights.RuleSet;
import io.aftercare.insights.Statistic;
import io.aftercare.insights.Window;
import io.aftercare.insights.teams.CareInsight;
import io.aftercare.insights.teams.InsightReport;
import io.aftercare.peersupport.SupportRequestsForInsight;

/**
 * Programme health of one released month, as one viewer may see it. Every figure about people's care is a question to
 * the {@link RuleSet}: the outreach figures are the organisation's, asked by the same names as on its insight page;
 * the request figures fold each person's requests to one value. Only how evenly requests were spread over supporters,
 * the programme's own queue, is peer support's to decide (decision 0046).
 */
@Service
class ProgrammeHealth {

    /**
     * One figure as the page and the API show it.
     *
     * @param figure its code ({@code within24})
     * @param label  what it is about, in words
     * @param text   the released figure in words, or "Not enough answers to show without identifying anyone"
     */
    record HealthFigure(String figure, String label, String text, boolean shown) {
    }

    private final CareInsight care;
    private final SupportRequestsForInsight requests;
    private final RuleSet ruleSet;
    private final FigureText figures;
    private final MessageSource messages;

    ProgrammeHealth(CareInsight care, SupportRequestsForInsight requests, RuleSet ruleSet, FigureText figures,
                    MessageSource messages) {
        this.care = care;
        this.requests = requests;
        this.ruleSet = ruleSet;
        this.figures = figures;
        this.messages = messages;
    }

    int k() {
        return ruleSet.k();
    }

    List<HealthFigure> figures(UUID viewer, YearMonth month, Locale locale) {
        List<HealthFigure> shown = new ArrayList<>();
        List<InsightReport.Line> outreach = care.outreach(viewer, month, locale);
        shown.add(share("within24", outreach.get(0).released(), locale));
        shown.add(share("within72", outreach.get(1).released(), locale));
        InsightReport.Line median = outreach.get(2);
        shown.add(new HealthFigure("median", label("median", locale),
            median.hidden() ? figures.hidden(locale) : median.text(), !median.hidden()));

        Window window = Window.Months.of(month);
        Map<UUID, Boolean> acknowledged = fold(requests.offers(month).stream()
            .map(o -> Map.entry(o.person(), o.inTime())).toList(), Boolean::logicalAnd);
        shown.add(share("ackInTime", release(viewer, "support.request.acknowledged", window, acknowledged), locale));
        shown.add(requests.spread(month, viewer)
            .map(s -> new HealthFigure("spread", label("spread", locale),
                messages.getMessage("support.health.spread." + s.name(), null, locale), true))
            .orElseGet(() -> new HealthFigure("spread", label("spread", locale), figures.hidden(locale), false)));
        Map<UUID, Boolean> contacted = fold(requests.contacts(month).stream()
            .map(c -> Map.entry(c.person(), c.inTime())).toList(), Boolean::logicalAnd);
        shown.add(share("contactInTime", release(viewer, "support.request.contact", window, contacted), locale));
        Map<UUID, Boolean> waited = fold(requests.requests(month).stream()
            .map(r -> Map.entry(r.person(), r.leftWaiting())).toList(), Boolean::logicalOr);
        shown.add(share("unassigned", release(viewer, "support.request.waited", window, waited), locale));
        return shown;
    }

    /** Each person's rows as one value: every request went well ({@code and}), or it happened at least once. */
    private static Map<UUID, Boolean> fold(List<Map.Entry<UUID, Boolean>> rows, BinaryOperator<Boolean> how) {
        Map<UUID, Boolean> people = new LinkedHashMap<>();
        rows.forEach(row -> people.merge(row.getKey(), row.getValue(), how));
        return people;
    }

    private Figure release(UUID viewer, String figure, Window window, Map<UUID, Boolean> people) {
        Cell all = new Cell("all", people.keySet(), people.values().stream().map(yes -> yes ? 1 : 0).toList());
        return ruleSet.release(viewer, Question.of(figure, Statistic.SHARE, window, all)).whole();
    }

    private HealthFigure share(String code, Figure released, Locale locale) {
        if (released instanceof Figure.Share s) {
            String text = figures.text(s, locale);
            return new HealthFigure(code, label(code, locale), text.substring(0, 1).toUpperCase(locale)
                + text.substring(1), true);
        }
        return new HealthFigure(code, label(code, locale), figures.hidden(locale), false);
    }

    private String label(String code, Locale locale) {
        return messages.getMessage("support.health.figure." + code, null, locale);
    }
}
