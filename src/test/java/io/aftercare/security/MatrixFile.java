package io.aftercare.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;

/** {@code authorization-matrix.txt}: every route and who may call it. */
public final class MatrixFile {

    public record Route(String method, String path) implements Comparable<Route> {
        @Override
        public int compareTo(Route o) {
            return (path + " " + method).compareTo(o.path + " " + o.method);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private MatrixFile() {
    }

    /** Route → access kind, in the file's order. */
    public static Map<Route, String> routes() {
        Map<Route, String> matrix = new LinkedHashMap<>();
        try {
            String text = new ClassPathResource("authorization-matrix.txt").getContentAsString(StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] parts = trimmed.split("\\s+");
                matrix.put(new Route(parts[0], parts[1]), parts[2]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return matrix;
    }
}
