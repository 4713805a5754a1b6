package io.aftercare.recovery.plans;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.aftercare.care.RecoveryTools;
import io.aftercare.directory.OnCallShift;
import io.aftercare.web.TimeFormat;

/** A card on My aftercare when a shift is coming up within 14 days, and a link inside each open case. */
@Component
@Order(40)
class PlansTool implements RecoveryTools {

    private final Plans plans;
    private final MessageSource messages;
    private final TimeFormat time;

    PlansTool(Plans plans, MessageSource messages, TimeFormat time) {
        this.plans = plans;
        this.messages = messages;
        this.time = time;
    }

    @Override
    public List<Link> onMyAftercare(UUID personId, Locale locale) {
        Optional<OnCallShift> next = plans.nextShiftSoon(personId);
        if (next.isEmpty()) {
            return List.of();
        }
        boolean planned = plans.of(personId).stream()
            .anyMatch(p -> p.shiftStartsAt().equals(next.get().startsAt()));
        String detail = messages.getMessage(planned ? "recovery.plans.card.planned" : "recovery.plans.card.detail",
            new Object[] {time.format(next.get().startsAt())}, locale);
        return List.of(new Link(messages.getMessage("recovery.plans.card", null, locale), PlansController.PAGE,
            detail));
    }

    @Override
    public List<Link> forCase(UUID personId, UUID caseId, Locale locale) {
        if (plans.comingShifts(personId).isEmpty()) {
            return List.of();
        }
        return List.of(new Link(messages.getMessage("recovery.plans.forCase", null, locale), PlansController.PAGE,
            null));
    }
}
