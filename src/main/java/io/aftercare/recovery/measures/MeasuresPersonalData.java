package io.aftercare.recovery.measures;

import java.util.UUID;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.aftercare.shared.PersonalData;

/** The person's answers to the self-compassion statements, in their export; erasure deletes them. */
@Component
@Order(156)
class MeasuresPersonalData implements PersonalData {

    private final JdbcClient jdbc;
    private final SelfCompassionMeasure measure;

    MeasuresPersonalData(JdbcClient jdbc, SelfCompassionMeasure measure) {
        this.jdbc = jdbc;
        this.measure = measure;
    }

    @Override
    public String section() {
        return "recoveryMeasures";
    }

    @Override
    public Object export(UUID personId) {
        return measure.answers(personId);
    }

    @Override
    public void erase(UUID personId) {
        jdbc.sql("DELETE FROM recovery_self_compassion WHERE person_id = ?").param(personId).update();
    }
}
