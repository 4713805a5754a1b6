package io.aftercare.recovery.plans;

import java.util.UUID;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.aftercare.shared.PersonalData;

/** A person's plans for their shifts: exported as they are, deleted on erasure (after care, before peer support). */
@Component
@Order(152)
class PlansPersonalData implements PersonalData {

    private final PlanRepository plans;

    PlansPersonalData(PlanRepository plans) {
        this.plans = plans;
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
        plans.deleteAll(personId);
    }
}
