package io.aftercare.durability;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.aftercare.support.TestApi;

/**
 * Real Aftercare processes on loopback for the chaos tests: each a JVM of its own on the test class path, with its
 * output in {@code target/chaos/<name>.log}, started and awaited until ready; {@link #close()} kills whatever is still
 * running.
 */
final class AftercareProcesses implements AutoCloseable {

    private final Path logs = Path.of("target", "chaos");
    private final List<Process> started = new ArrayList<>();

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Starts Aftercare and returns once its readiness probe answers 200.
     *
     * @param dataDir   {@code AFTERCARE_DATA_DIR}: the key files, and the H2 database unless {@code arguments} name
     *                  another
     * @param arguments Spring Boot command-line properties ({@code --name=value})
     */
    Process start(String name, int port, Path dataDir, List<String> arguments) throws IOException {
        Files.createDirectories(logs);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1",
            "-cp", System.getProperty("java.class.path"), "io.aftercare.AftercareApplication"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".log").toFile()));
        Map<String, String> env = builder.environment();
        env.put("AFTERCARE_DATA_DIR", dataDir.toString());
        env.put("SERVER_PORT", String.valueOf(port));
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("AFTERCARE_ADMIN_EMAIL", TestApi.ADMIN_EMAIL);
        env.put("AFTERCARE_ADMIN_PASSWORD", TestApi.ADMIN_PASSWORD);
        Process process = builder.start();
        started.add(process);
        TestApi api = TestApi.at(port);
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
            .failFast("Aftercare " + name + " stopped before it was ready; see target/chaos/" + name + ".log",
                () -> !process.isAlive())
            .until(() -> api.get("/actuator/health/readiness").status() == 200);
        return process;
    }

    /** SIGKILL: no shutdown hook runs, nothing in flight is finished. */
    static void kill(Process process) throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() {
        started.forEach(Process::destroyForcibly);
    }
}
