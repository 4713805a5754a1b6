package io.aftercare.recovery.battingaverage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The batting average in the person's language: the page's sentences and the card's one. */
@Component
class BattingAverageWords {

    private final MessageSource messages;

    BattingAverageWords(MessageSource messages) {
        this.messages = messages;
    }

    private String m(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** Every fact there is enough data for, most telling first; empty when there is nothing to be kind about. */
    List<String> sentences(BattingAverage b, Locale locale) {
        List<String> out = new ArrayList<>();
        if (!b.enoughData()) {
            return out;
        }
        if (b.changesLastYear() != null) {
            out.add(m("recovery.batting.changes", locale, b.incidentsLastYear(), b.changesLastYear()));
            if (b.changesPerIncident() != null && b.incidentsLastYear() > 1) {
                out.add(m("recovery.batting.perIncident", locale, b.changesPerIncident()));
            }
        }
        if (b.shiftsLastYear() != null) {
            out.add(m("recovery.batting.shifts", locale, b.shiftsLastYear()));
        }
        if (b.incidentsInAll() > 0) {
            // all or none of them in the year: said once, not as "4 incidents, 4 of them"
            String key = b.incidentsLastYear() == b.incidentsInAll() ? "recovery.batting.incidents.allRecent"
                : b.incidentsLastYear() == 0 ? "recovery.batting.incidents.noneRecent" : "recovery.batting.incidents";
            out.add(m(key, locale, b.incidentsLastYear(), b.incidentsInAll()));
        }
        if (b.daysBetweenLastTwo() != null) {
            out.add(m("recovery.batting.apart", locale, b.daysBetweenLastTwo()));
        }
        return out;
    }

    /** The card's one sentence, or null when there is nothing to show. */
    String card(BattingAverage b, Locale locale) {
        if (!b.enoughData()) {
            return null;
        }
        if (b.changesLastYear() != null) {
            return m("recovery.batting.card.changes", locale, b.incidentsLastYear(), b.changesLastYear());
        }
        if (b.shiftsLastYear() != null) {
            return m("recovery.batting.card.shifts", locale, b.shiftsLastYear());
        }
        return m("recovery.batting.card.incidents", locale, b.incidentsInAll());
    }
}
