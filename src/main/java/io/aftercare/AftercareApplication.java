package io.aftercare;

import java.time.Clock;
import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Aftercare: incident response for the humans who fought the incident.
 *
 * <p>Start with {@code --demo} to load a demo organisation on an empty database.
 */
@SpringBootApplication(proxyBeanMethods = false)
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(systemName = "Aftercare")
public class AftercareApplication {

    /** The one clock every module reads time from, so tests can move it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(AftercareApplication.class);
        if (Arrays.asList(args).contains("--demo")) {
            app.setAdditionalProfiles("demo");
        }
        app.run(args);
    }
}
