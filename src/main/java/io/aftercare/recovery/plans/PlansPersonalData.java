package io.aftercare.recovery.plans;

import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.aftercare.recovery.PlanUnshared;
import io.aftercare.shared.PersonalData;

/** A person's plans for their shifts: exported as they are (shared or not, and since when), deleted on erasure (after care, before peer support). */
@Component
@Order(152)
class PlansPersonalData implements PersonalData {

    private final PlanRepository plans;
    private final ApplicationEventPublisher events;

    PlansPersonalData(PlanRepository plans, ApplicationEventPublisher events) {
        this.plans = plans;
        this.events = events;
    }

    @Override
    public String section() {
        return "recoveryPlans";
    }

    @Override
    public Object export(UUID personId) {
        return plans.of(personId);
    }

    @Override
    public void erase(UUID personId) {
        // a lead's notice of a shared plan is taken back with the plan
        plans.of(personId).stream().filter(Plan::shared).forEach(p -> events.publishEvent(new PlanUnshared(p.id())));
        plans.deleteAll(personId);
    }
}
