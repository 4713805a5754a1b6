package io.aftercare.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Gives every test application context a database of its own: an in-memory H2 (PostgreSQL mode, as in
 * production) or a fresh database on one embedded PostgreSQL server per JVM. With {@code aftercare.test.durable=true}
 * (benchmarks) commits are as durable as in production: H2 in a file, PostgreSQL with {@code synchronous_commit}
 * on.
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
        // a benchmark asks for commits as durable as production's: H2 in a file, every commit written before it
        // returns; PostgreSQL waiting for the WAL flush (the embedded server's own default is not to)
        boolean file = Boolean.parseBoolean(context.getEnvironment().getProperty("aftercare.test.durable"));
        Map<String, Object> properties = isPostgres() ? postgres(name, file) : Map.of(
            "spring.datasource.url", (file ? "jdbc:h2:file:./target/h2-bench/" + name : "jdbc:h2:mem:" + name)
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=128"
                + (file ? ";WRITE_DELAY=0" : ";DB_CLOSE_DELAY=-1"),
            "spring.datasource.username", "sa",
            "spring.datasource.password", "");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testDatabase", properties));
    }

    private static synchronized Map<String, Object> postgres(String name, boolean durable) {
        try {
            if (postgres == null) {
                // The server's files are removed by a process of their own once it has stopped: thousands of
                // them (a database per test context), and removing them inside the JVM's exit took longer than the
                // 30 s Surefire grants an exiting JVM before it kills it (every PostgreSQL test run ended that way).
                Path files = Files.createTempDirectory("aftercare-test-postgres-");
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(0)
                    .setDataDirectory(files.resolve("data")).setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false);
                // -Daftercare.test.pg.explain=100ms: the plan, with its timings and buffers, of every statement that
                // took longer, in the server's log in target/pg-explain: for benchmarks, never in the build
                String explain = System.getProperty("aftercare.test.pg.explain");
                if (explain != null) {
                    builder.setServerConfig("shared_preload_libraries", "auto_explain")
                        .setServerConfig("logging_collector", "on")
                        .setServerConfig("log_directory", Path.of("target/pg-explain").toAbsolutePath().toString())
                        .setServerConfig("auto_explain.log_min_duration", explain)
                        .setServerConfig("auto_explain.log_analyze", "on")
                        .setServerConfig("auto_explain.log_buffers", "on");
                }
                postgres = builder.start();
                // Stopped after the test contexts have closed, not beside them: with a JVM shutdown hook of its own
                // (the library registers one unless told not to) the server went away under applications still
                // stopping, whose pools then waited on a database that was gone, each context seconds long, until
                // Failsafe killed the JVM 30 s after its tests. Spring Boot runs its shutdown handlers once every
                // context it started is closed.
                SpringApplication.getShutdownHandlers().add(() -> {
                    try {
                        postgres.close();
                        new ProcessBuilder("rm", "-rf", files.toString()).start();
                    } catch (IOException ignored) {
                        // the JVM is going away; at worst the files stay in the temporary directory
                    }
                });
            }
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            return Map.of(
                "spring.datasource.url", postgres.getJdbcUrl("postgres", name)
                    + (durable ? "&options=-c%20synchronous_commit%3Don" : ""),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "postgres");
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL for tests", e);
        }
    }
}
