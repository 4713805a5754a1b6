package io.aftercare.recovery.measures;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.aftercare.directory.Directory;
import io.aftercare.directory.PersonRef;
import io.aftercare.recovery.measures.SelfCompassionMeasure.Answer;
import io.aftercare.recovery.measures.SelfCompassionMeasure.Stage;
import io.aftercare.shared.TrendChart;

/** What the measure's page and its API show the person: the statements, what is due, their answers and trend. */
@Component
class MeasurePage {

    /** A statement in the reader's language. */
    record Statement(String key, String text) {
    }

    /**
     * @param due the point waiting now (BEFORE, DAY_7, DAY_30), or null
     * @param sentences one per construct with two answers or more
     */
    record View(Stage due, List<Statement> statements, List<Answer> answers, List<String> sentences,
                List<TrendChart> charts) {
    }

    private final SelfCompassionMeasure measure;
    private final MeasureTrends trends;
    private final Directory directory;
    private final MessageSource messages;

    MeasurePage(SelfCompassionMeasure measure, MeasureTrends trends, Directory directory, MessageSource messages) {
        this.measure = measure;
        this.trends = trends;
        this.directory = directory;
        this.messages = messages;
    }

    View of(UUID personId, Locale locale) {
        List<Answer> answers = measure.answers(personId);
        ZoneId zone = directory.person(personId).map(PersonRef::timeZone).orElse(ZoneOffset.UTC);
        MeasureTrends.Trends t = trends.of(answers, zone, locale);
        List<Statement> statements = Arrays.stream(SelfCompassionMeasure.Item.values())
            .map(i -> new Statement(i.key, messages.getMessage("recovery.measure.item." + i.key, null, locale)))
            .toList();
        return new View(measure.due(personId).orElse(null), statements, answers, t.sentences(), t.charts());
    }
}
