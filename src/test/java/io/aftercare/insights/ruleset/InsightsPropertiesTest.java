package io.aftercare.insights.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class InsightsPropertiesTest {

    @Configuration
    @EnableConfigurationProperties(InsightsProperties.class)
    static class Config {
    }

    final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Config.class);

    @Test
    void kIsFiveUnlessConfigured() {
        runner.run(context -> assertThat(context.getBean(InsightsProperties.class).k()).isEqualTo(5));
        runner.withPropertyValues("aftercare.insights.k=7")
            .run(context -> assertThat(context.getBean(InsightsProperties.class).k()).isEqualTo(7));
    }

    @Test
    void aKBelowThreeStopsTheApplicationWithAClearMessage() {
        runner.withPropertyValues("aftercare.insights.k=2").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                .hasMessageContaining("aftercare.insights.k is 2, but must be at least 3");
        });
        runner.withPropertyValues("aftercare.insights.k=3").run(context -> assertThat(context).hasNotFailed());
    }
}
