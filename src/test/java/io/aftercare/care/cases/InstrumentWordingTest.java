package io.aftercare.care.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The follow-up's questions as people read them are the ones docs/instruments.md documents, keep the talk's
 * meaning, and the document points at nothing outside the repository.
 */
class InstrumentWordingTest {

    static final Path DOC = Path.of("docs/instruments.md");

    static Properties care() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/messages/care.properties"))) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void everyFollowUpItemReadsAsTheDocumentSaysItDoes() throws IOException {
        String doc = Files.readString(DOC);
        Properties care = care();
        for (Answers.Item item : Answers.Item.values()) {
            String wording = care.getProperty("care.item." + item.key());
            assertThat(wording).as(item.key()).isNotBlank();
            Matcher row = Pattern.compile("`" + item.key() + "` \\| ([^|]+) \\|").matcher(doc);
            assertThat(row.find()).as("a row for " + item.key()).isTrue();
            assertThat(row.group(1).trim()).as(item.key()).isEqualTo(wording);
        }
    }

    @Test
    void goingOverItKeepsTheTalksMeaningAndDoesNotSuggestTheyDistortIt() throws IOException {
        Properties care = care();
        assertThat(care.getProperty("care.item.rumination2")).contains("how badly I felt");
        assertThat(care.getProperty("care.item.rumination3")).contains("made me feel worse")
            .doesNotContain("than it was");
    }

    @Test
    void theDocumentLinksOnlyToFilesInTheRepository() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        Matcher link = Pattern.compile("\\]\\(([^)#]+)[^)]*\\)").matcher(Files.readString(DOC));
        while (link.find()) {
            String target = link.group(1);
            assertThat(target).as("no web links for sources: cite them").doesNotStartWith("http");
            Path resolved = DOC.toAbsolutePath().getParent().resolve(target).normalize();
            assertThat(resolved).as(target).startsWith(root);
            assertThat(Files.exists(resolved)).as(target).isTrue();
        }
        assertThat(Files.readString(DOC)).contains("None of this is a diagnosis")
            .contains("State Self-Compassion Scale").contains("Mindfulness*, 12(1), 121–140");
    }
}
