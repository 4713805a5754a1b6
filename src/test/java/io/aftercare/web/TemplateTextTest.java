package io.aftercare.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every user-visible string goes through the message bundles: a template's visible text must be replaced by a
 * {@code th:text} (its literal text is only a designer's placeholder), and every {@code #{key}} must exist.
 */
class TemplateTextTest {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Path MESSAGES = Path.of("src/main/resources/messages");
    static final Pattern ELEMENT_WITH_TEXT = Pattern.compile("<([a-zA-Z0-9]+)([^<>]*)>([^<>]*[A-Za-z][^<>]*)<");
    static final Pattern KEY = Pattern.compile("#\\{([a-zA-Z0-9_.-]+)");

    static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    static Set<String> keys() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.list(MESSAGES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".properties")).toList()) {
                Properties properties = new Properties();
                try (InputStream in = Files.newInputStream(file)) {
                    properties.load(in);
                }
                properties.stringPropertyNames().forEach(keys::add);
            }
        }
        return keys;
    }

    @Test
    void visibleTextInTemplatesComesFromMessageBundles() throws IOException {
        List<String> hardCoded = new ArrayList<>();
        for (Path template : templates()) {
            String html = Files.readString(template).replaceAll("(?s)<!--.*?-->", "");
            Matcher m = ELEMENT_WITH_TEXT.matcher(html);
            while (m.find()) {
                String tag = m.group(1);
                String attributes = m.group(2);
                boolean replaced = attributes.matches("(?s).*(th:(text|utext|replace|insert|remove)|sec:authentication)=.*");
                boolean inert = tag.equals("script") || tag.equals("style");
                if (!replaced && !inert && !m.group(3).isBlank()) {
                    hardCoded.add(TEMPLATES.relativize(template) + ": <" + tag + "> " + m.group(3).strip());
                }
            }
        }
        assertThat(hardCoded).as("visible text not taken from messages/*.properties").isEmpty();
    }

    /**
     * Only a message with arguments goes through MessageFormat, where an apostrophe is written twice; in one without,
     * a doubled apostrophe reaches the page as it is ("Aftercare''s").
     */
    @Test
    void anApostropheIsDoubledOnlyInMessagesWithArguments() throws IOException {
        List<String> doubled = new ArrayList<>();
        try (Stream<Path> files = Files.list(MESSAGES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".properties")).sorted().toList()) {
                Properties properties = new Properties();
                try (InputStream in = Files.newInputStream(file)) {
                    properties.load(in);
                }
                properties.stringPropertyNames().stream().sorted()
                    .filter(key -> properties.getProperty(key).contains("''")
                        && !properties.getProperty(key).matches("(?s).*\\{\\d.*"))
                    .forEach(key -> doubled.add(MESSAGES.relativize(file) + ": " + key));
            }
        }
        assertThat(doubled).as("a doubled apostrophe in a message without arguments shows as two").isEmpty();
    }

    @Test
    void everyMessageKeyUsedInTemplatesExists() throws IOException {
        Set<String> keys = keys();
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            String html = Files.readString(template);
            Matcher m = KEY.matcher(html);
            while (m.find()) {
                if (!keys.contains(m.group(1))) {
                    missing.add(TEMPLATES.relativize(template) + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).as("message keys used but not defined").isEmpty();
    }
}
