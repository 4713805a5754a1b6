package io.aftercare.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus' own checker, from Debian's {@code prometheus} package ({@code .ci/run} installs it). Missing, the tests
 * that need it fail with the command that installs it; they never skip.
 */
final class Promtool {

    static final Path BINARY = Path.of(System.getProperty("aftercare.promtool", "/usr/bin/promtool"));

    record Run(int exit, String output) {
    }

    private Promtool() {
    }

    /** Runs {@code promtool args…} in {@code dir}, with {@code stdin} as its input when not null. */
    static Run run(Path dir, String stdin, String... args) throws IOException, InterruptedException {
        assertThat(Files.isExecutable(BINARY))
            .as("These checks need promtool at %s. Install it with: sudo apt-get install prometheus "
                + "(or set -Daftercare.promtool=<path>)", BINARY)
            .isTrue();
        List<String> command = new ArrayList<>();
        command.add(BINARY.toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        if (stdin != null) {
            try (var in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        } else {
            process.getOutputStream().close();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
        return new Run(process.exitValue(), output);
    }
}
