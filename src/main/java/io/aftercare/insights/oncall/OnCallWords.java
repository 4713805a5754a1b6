package io.aftercare.insights.oncall;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** On-call load in plain sentences, in the reader's language: one sentence for each figure and chart. */
@Component
class OnCallWords {

    private final MessageSource messages;

    OnCallWords(MessageSource messages) {
        this.messages = messages;
    }

    String m(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    static String monthName(YearMonth month, Locale locale) {
        return month.format(DateTimeFormatter.ofPattern("MMMM yyyy", locale));
    }

    /** A shift as the person reads it: "Sat 3 Oct 09:00 to Sun 4 Oct 09:00", in their own zone. */
    String shift(java.time.Instant from, java.time.Instant to, java.time.ZoneId zone, Locale locale) {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", locale);
        return m("oncall.effort.shift", locale, f.format(from.atZone(zone)), f.format(to.atZone(zone)));
    }

    /**
     * The team-month figure of the end-of-shift question as the rule set released it: three bands, or the one
     * sentence for a figure not shown (the same whatever the reason).
     */
    String effort(io.aftercare.insights.Figure figure, YearMonth month, Locale locale) {
        if (figure instanceof io.aftercare.insights.Figure.Bands b) {
            return m("oncall.effort.team.bands", locale, monthName(month, locale), b.high().of(),
                share(b.high(), locale), share(b.middle(), locale), share(b.low(), locale));
        }
        return m("oncall.effort.team.hidden", locale);
    }

    private String share(io.aftercare.insights.Figure.Share s, Locale locale) {
        return switch (s.edge()) {
            case FEW -> m("oncall.effort.share.few", locale);
            case ALL_BUT_FEW -> m("oncall.effort.share.allButFew", locale);
            case WITHHELD -> m("oncall.effort.share.withheld", locale);
            case EXACT -> m("oncall.effort.share.exact", locale, s.count(), s.percent());
        };
    }

    /** The person's own month, as they read it on /me/oncall. */
    List<String> mine(PersonLoad p, Locale locale) {
        String month = monthName(p.month(), locale);
        List<String> out = new ArrayList<>();
        out.add(m("oncall.me.woken", locale, p.sleep(), month));
        out.add(m("oncall.me.interruptions", locale, p.interruptions(), month, p.business(), p.off(), p.sleep())
            + " " + m("oncall.level." + p.level(), locale));
        if (p.onCallMinutes() == 0) {
            out.add(m("oncall.me.notOnCall", locale, month));
        } else {
            out.add(m(p.shareTooHigh() ? "oncall.me.share.high" : "oncall.me.share", locale, p.sharePercent(), month));
            out.add(m(p.tooManyPerShift() ? "oncall.me.perShift.high" : "oncall.me.perShift", locale, p.perShift()));
        }
        if (p.longestRun() > 0) {
            String run = m("oncall.me.run", locale, p.longestRun());
            out.add(p.shortestRest() == null ? run : run + " " + m("oncall.me.rest", locale, p.shortestRest()));
        }
        return out;
    }

    String trendSentence(PersonLoad latest, Locale locale) {
        return m("oncall.chart.trend.sentence", locale, monthName(latest.month(), locale), latest.interruptions());
    }

    /** The team's month: one sentence for the whole team, then one per rotation. */
    List<String> team(TeamLoad t, Locale locale) {
        List<String> out = new ArrayList<>();
        out.add(m("oncall.team.sentence", locale, t.interruptions(), monthName(t.month(), locale), t.business(),
            t.off(), t.sleep()));
        return out;
    }

    String teamChartSentence(TeamLoad t, Locale locale) {
        int most = t.people().stream().mapToInt(r -> r.load().interruptions()).max().orElse(0);
        return m("oncall.team.chart.sentence", locale, monthName(t.month(), locale), most);
    }

    List<String> rotation(TeamLoad.RotationLoad r, Locale locale) {
        List<String> out = new ArrayList<>();
        out.add(m("oncall.team.rotation.size", locale, r.name(), r.size()));
        if (r.tooSmall()) {
            out.add(m("oncall.team.rotation.small", locale, r.size()));
        }
        if (r.size() > 1) {
            out.add(fairness(r.fairness(), locale));
        }
        return out;
    }

    /**
     * How evenly a rotation's interruptions fell, as a lead reads it: the busiest person against the median, whether
     * that is uneven, and the line (twice the median) that decides it. Nothing to compare for one person alone.
     */
    String fairness(Fairness f, Locale locale) {
        if (f.most() == 0) {
            return m("oncall.team.rotation.quiet", locale);
        }
        if (f.median() == 0) {
            return m("oncall.team.rotation.unevenNone", locale, f.most());
        }
        return m(f.uneven() ? "oncall.team.rotation.uneven" : "oncall.team.rotation.fair", locale, f.most(), f.median(),
            f.median() * Fairness.UNEVEN);
    }
}
