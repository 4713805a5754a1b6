package io.aftercare.insights.oncall;

import java.util.UUID;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.aftercare.shared.PersonalData;

/** A person's end-of-shift answers: exported as they are, deleted on erasure. */
@Component
@Order(160)
class EffortPersonalData implements PersonalData {

    private final EffortStore store;

    EffortPersonalData(EffortStore store) {
        this.store = store;
    }

    @Override
    public String section() {
        return "endOfShiftEffort";
    }

    @Override
    public Object export(UUID personId) {
        return store.export(personId);
    }

    @Override
    public void erase(UUID personId) {
        store.erase(personId);
    }
}
