package io.aftercare.intake.integration;

import java.util.List;

import org.springframework.stereotype.Component;

import io.aftercare.shared.GettingStartedSteps;

/** Intake's part of getting started: one alerting tool connected, so incidents arrive without typing them in. */
@Component
class IntegrationSteps implements GettingStartedSteps {

    private final Integrations integrations;

    IntegrationSteps(Integrations integrations) {
        this.integrations = integrations;
    }

    @Override
    public List<Step> steps() {
        return List.of(new Step("integration", 60, "/integrations", !integrations.list().isEmpty()));
    }
}
