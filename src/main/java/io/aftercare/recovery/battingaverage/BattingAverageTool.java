package io.aftercare.recovery.battingaverage;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.aftercare.care.RecoveryTools;

/** A card on My aftercare with one sentence of the person's batting average, when there is enough to say. */
@Component
@Order(20)
class BattingAverageTool implements RecoveryTools {

    private final BattingAverages averages;
    private final BattingAverageWords words;
    private final MessageSource messages;

    BattingAverageTool(BattingAverages averages, BattingAverageWords words, MessageSource messages) {
        this.averages = averages;
        this.words = words;
        this.messages = messages;
    }

    @Override
    public List<Link> onMyAftercare(UUID personId, Locale locale) {
        String sentence = words.card(averages.forCard(personId), locale);
        if (sentence == null) {
            return List.of();
        }
        return List.of(new Link(messages.getMessage("recovery.batting.card", null, locale),
            BattingAverageController.PAGE, sentence));
    }
}
