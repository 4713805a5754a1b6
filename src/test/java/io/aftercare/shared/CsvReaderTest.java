package io.aftercare.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The CSV reader both imports share: byte-order mark, header, CRLF, quoted fields, the line each record starts on,
 * the row cap, and that line numbers are counted once over the text, not again for every record.
 */
class CsvReaderTest {

    /** Collects what the reader hands over; refuses headers whose first column is "bad". */
    static final class Collected implements CsvReader.Handler {
        CsvReader.Line header;
        final List<CsvReader.Line> rows = new ArrayList<>();

        @Override
        public boolean header(CsvReader.Line line) {
            header = line;
            return !"bad".equals(line.get(0));
        }

        @Override
        public void row(CsvReader.Line line) {
            rows.add(line);
        }
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstColumnsName() {
        Collected c = new Collected();
        CsvReader.Outcome outcome = CsvReader.read("\uFEFFname,email\nAda,ada@example.org\n", 10, c);
        assertThat(outcome.complete()).isTrue();
        assertThat(c.header.values()).containsExactly("name", "email");
        assertThat(c.header.number()).isEqualTo(1);
        assertThat(c.rows).singleElement().satisfies(r -> {
            assertThat(r.values()).containsExactly("Ada", "ada@example.org");
            assertThat(r.number()).isEqualTo(2);
        });
    }

    @Test
    void crlfLinesQuotedFieldsAndEmptyLinesKeepTheirLineNumbers() {
        String text = "name,note\r\n"
            + "Ada,\"one, two\"\r\n"
            + "\r\n"
            + "Grace,\"a \"\"quoted\"\" word\r\nover two lines\"\r\n"
            + "  Linus  ,  plain  \r\n";
        Collected c = new Collected();
        CsvReader.Outcome outcome = CsvReader.read(text, 10, c);
        assertThat(outcome.complete()).isTrue();
        assertThat(outcome.rows()).isEqualTo(3);
        assertThat(c.rows).extracting(CsvReader.Line::number).containsExactly(2L, 4L, 6L);
        assertThat(c.rows.get(0).values()).containsExactly("Ada", "one, two");
        assertThat(c.rows.get(1).values()).containsExactly("Grace", "a \"quoted\" word\r\nover two lines");
        assertThat(c.rows.get(2).values()).containsExactly("Linus", "plain");
        assertThat(outcome.lastLine()).isEqualTo(6);
    }

    @Test
    void anEmptyFileHasNoHeader() {
        Collected c = new Collected();
        assertThat(CsvReader.read("", 10, c)).isEqualTo(new CsvReader.Outcome(CsvReader.Stop.EMPTY, 1, 0, 0));
        assertThat(CsvReader.read("\uFEFF\n\n", 10, c).stop()).isEqualTo(CsvReader.Stop.EMPTY);
        assertThat(CsvReader.read(null, 10, c).stop()).isEqualTo(CsvReader.Stop.EMPTY);
        assertThat(c.header).isNull();
    }

    @Test
    void aRefusedHeaderStopsReading() {
        Collected c = new Collected();
        CsvReader.Outcome outcome = CsvReader.read("\n\nbad,header\nAda,x\n", 10, c);
        assertThat(outcome.stop()).isEqualTo(CsvReader.Stop.HEADER);
        assertThat(outcome.line()).isEqualTo(3);
        assertThat(c.rows).isEmpty();
    }

    @Test
    void recordsOverTheCapAreNotReadAndTheFirstOneOverIsNamed() {
        Collected c = new Collected();
        CsvReader.Outcome outcome = CsvReader.read("name\na\nb\n\nc\nd\n", 2, c);
        assertThat(outcome.stop()).isEqualTo(CsvReader.Stop.TOO_MANY_ROWS);
        assertThat(outcome.line()).isEqualTo(5);
        assertThat(outcome.rows()).isEqualTo(2);
        assertThat(c.rows).extracting(r -> r.get(0)).containsExactly("a", "b");
        assertThat(CsvReader.read("name\na\nb\n", 2, new Collected()).complete()).isTrue();
    }

    @Test
    void anOpenQuoteStopsReadingAtItsLine() {
        Collected c = new Collected();
        CsvReader.Outcome outcome = CsvReader.read("name,note\nAda,fine\nGrace,\"never closed\nLinus,x\n", 10, c);
        assertThat(outcome.complete()).isFalse();
        assertThat(outcome.stop()).isIn(CsvReader.Stop.UNREADABLE_LINE, CsvReader.Stop.UNREADABLE_FILE);
        assertThat(c.rows).extracting(r -> r.get(0)).containsExactly("Ada");
    }

    /** Text that counts how often a character of it is looked at. */
    static final class CountingText implements CharSequence {
        final String text;
        long reads;

        CountingText(String text) {
            this.text = text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            reads++;
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    @Test
    void lineNumbersLookAtEachCharacterOnceHoweverManyRecordsThereAre() {
        StringBuilder text = new StringBuilder("\uFEFFname,email\n");
        for (int i = 0; i < 20_000; i++) {
            text.append("Person ").append(i).append(",p").append(i).append("@example.org\n");
        }
        CountingText counted = new CountingText(text.toString());
        Collected c = new Collected();
        CsvReader.Outcome outcome = CsvReader.read(counted, 100_000, c);
        assertThat(outcome.rows()).isEqualTo(20_000);
        assertThat(c.rows.get(19_999).number()).isEqualTo(20_001);
        // each character at most once, and the first of each record once more; rescanning from the start for
        // every record would look at about 20,000 × 300,000 / 2 characters
        assertThat(counted.reads).isLessThanOrEqualTo(counted.length() + outcome.rows() + 1L);
    }
}
