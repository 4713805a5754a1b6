package io.aftercare.support;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import io.aftercare.AftercareApplication;

/**
 * Aftercare instances that a test starts and stops itself (a restart, two instances on one database), set up as an
 * {@link AftercareIT} context is: the {@code test} profile, a database of {@link TestDatabase}'s, and passwords
 * stored at BCrypt's lowest cost ({@link QuickPasswords}).
 */
public final class TestInstances {

    private TestInstances() {
    }

    /** A new database for instances to share, as the command-line arguments that point an instance at it. */
    public static List<String> newDatabase() {
        GenericApplicationContext probe = new GenericApplicationContext();
        new TestDatabase().initialize(probe);
        List<String> arguments = new ArrayList<>();
        for (String key : List.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password")) {
            arguments.add("--" + key + "=" + probe.getEnvironment().getProperty(key));
        }
        return arguments;
    }

    /**
     * Starts Aftercare with any configuration classes of the test's own. The arguments are command-line arguments:
     * they win over application.yml, as a test's properties must (the builder's own properties would not).
     */
    public static ConfigurableApplicationContext start(List<String> arguments, Class<?>... configuration) {
        List<Class<?>> sources = new ArrayList<>(List.of(AftercareApplication.class));
        sources.addAll(List.of(configuration));
        return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
            .initializers(new QuickPasswords())
            .profiles("test")
            .run(arguments.toArray(String[]::new));
    }
}
