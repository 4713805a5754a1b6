package io.aftercare.recovery.measures;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.aftercare.care.CareCases;
import io.aftercare.care.RecoveryTools;

/**
 * A card on My aftercare while a self-compassion questionnaire is waiting for the person (it is optional): the
 * first one while they have a case of their own open (the incident it is about), then a week and a month after
 * their first answer.
 */
@Component
@Order(50)
class SelfCompassionTool implements RecoveryTools {

    private final SelfCompassionMeasure measure;
    private final MessageSource messages;
    private final CareCases care;

    SelfCompassionTool(SelfCompassionMeasure measure, MessageSource messages, CareCases care) {
        this.measure = measure;
        this.messages = messages;
        this.care = care;
    }

    @Override
    public List<Link> onMyAftercare(UUID personId, Locale locale) {
        return measure.due(personId)
            .filter(stage -> stage != SelfCompassionMeasure.Stage.BEFORE || care.hasOpenCaseSince(personId,
                Instant.EPOCH))
            .map(stage -> List.of(new Link(messages.getMessage("recovery.measure.tool", null, locale),
                "/me/recovery/measures",
                messages.getMessage("recovery.measure.tool." + stage.name(), null, locale))))
            .orElse(List.of());
    }
}
