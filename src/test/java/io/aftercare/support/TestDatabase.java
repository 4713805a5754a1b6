package io.aftercare.support;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Gives every test application context a database of its own: an in-memory H2 (PostgreSQL mode, as in
 * production; a file with {@code aftercare.test.h2-mode=file}) or a fresh database on one embedded PostgreSQL server
 * per JVM.
 *
 * <p>Which engine is chosen by the system property {@code aftercare.test.db} ({@code h2} or {@code postgres}); the
 * build runs every {@code *IT} once with each (two failsafe executions).
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static EmbeddedPostgres postgres;

    public static String engine() {
        return System.getProperty("aftercare.test.db", "h2");
    }

    public static boolean isPostgres() {
        return engine().equals("postgres");
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String name = "t" + UUID.randomUUID().toString().replace("-", "");
        // a benchmark asks for H2 as production runs it: a file, every commit written before it returns
        boolean file = "file".equals(context.getEnvironment().getProperty("aftercare.test.h2-mode"));
        Map<String, Object> properties = isPostgres() ? postgres(name) : Map.of(
            "spring.datasource.url", (file ? "jdbc:h2:file:./target/h2-bench/" + name : "jdbc:h2:mem:" + name)
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=128"
                + (file ? ";WRITE_DELAY=0" : ";DB_CLOSE_DELAY=-1"),
            "spring.datasource.username", "sa",
            "spring.datasource.password", "");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testDatabase", properties));
    }

    private static synchronized Map<String, Object> postgres(String name) {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().setPort(0).start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is going away
                    }
                }));
            }
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            return Map.of(
                "spring.datasource.url", postgres.getJdbcUrl("postgres", name),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "postgres");
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL for tests", e);
        }
    }
}
