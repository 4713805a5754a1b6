package io.aftercare.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.aftercare.support.TestApi;

/**
 * The embedded H2 database keeps every committed write when the process is killed without warning
 * ({@code kill -9}): a child JVM runs Aftercare on a data directory, commits, is killed, and a new JVM on the same
 * directory still finds what was committed.
 */
class CrashDurabilityIT {

    @TempDir
    Path dataDir;

    private Process process;

    @AfterEach
    void stop() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private TestApi start(int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m"));
        // the test JVM's own compiler and collector options (aftercare.it.jvm in pom.xml): a child that is killed
        // within seconds of its start gains nothing from C2
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(option -> option.startsWith("-XX:TieredStopAtLevel") || option.startsWith("-XX:+UseSerialGC"))
            .forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.aftercare.AftercareApplication"));
        ProcessBuilder builder = new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dataDir.resolve("child-" + port + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.put("AFTERCARE_DATA_DIR", dataDir.toString());
        env.put("SERVER_PORT", String.valueOf(port));
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("AFTERCARE_ADMIN_EMAIL", TestApi.ADMIN_EMAIL);
        env.put("AFTERCARE_ADMIN_PASSWORD", TestApi.ADMIN_PASSWORD);
        process = builder.start();
        TestApi api = TestApi.at(port);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
            .until(() -> api.get("/actuator/health/readiness").status() == 200);
        return api;
    }

    @Test
    void committedPeopleSurviveKillMinusNine() throws Exception {
        int port = freePort();
        TestApi api = start(port).asAdmin();
        String email = "kept-" + UUID.randomUUID() + "@example.com";
        var created = api.post("/api/v1/tokens", Map.of("name", "written just before the crash"));
        assertThat(created.status()).isEqualTo(201);
        String tokenId = created.json("$.id");

        process.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no flush
        assertThat(new File(dataDir.toFile(), "aftercare.mv.db")).exists();

        int portAgain = freePort();
        TestApi again = start(portAgain).asAdmin();
        List<String> ids = again.get("/api/v1/tokens").json("$[*].id");
        assertThat(ids).as("the token committed before kill -9 (%s)", email).contains(tokenId);
        assertThat(Files.readString(dataDir.resolve("child-" + port + ".log"))).contains("Started AftercareApplication");
        // the kill left the running mark: the next start rebuilt the indexes of pending work (decision 0076)
        assertThat(Files.readString(dataDir.resolve("child-" + portAgain + ".log")))
            .contains("Aftercare did not stop cleanly last time");
    }

    @Test
    void aCleanStopClosesTheDatabaseOnlyOnceTheApplicationIsDoneWithIt() throws Exception {
        int port = freePort();
        TestApi api = start(port).asAdmin();
        assertThat(api.post("/api/v1/tokens", Map.of("name", "written before a clean stop")).status()).isEqualTo(201);
        assertThat(dataDir.resolve("aftercare.mv.db.running")).as("the mark of a running Aftercare").exists();

        process.destroy(); // SIGTERM, as a platform stops a pod
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("stopped").isTrue();

        // H2's own exit hook used to close the file first, under the beans still stopping (decision 0076)
        Path trace = dataDir.resolve("aftercare.trace.db");
        String traced = Files.exists(trace) ? Files.readString(trace) : "";
        assertThat(traced).doesNotContain("Database is already closed");
        assertThat(Files.readString(dataDir.resolve("child-" + port + ".log")))
            .contains("Started AftercareApplication").doesNotContain("Database is already closed");
        assertThat(dataDir.resolve("aftercare.mv.db.running")).as("taken away by the clean stop").doesNotExist();
    }
}
