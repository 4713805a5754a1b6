package io.aftercare.shared;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an uploaded CSV file the one way every import does: a byte-order mark at the start is dropped, the first
 * record is the header, empty lines are skipped, values are trimmed, quoted values may hold commas, quotes and line
 * breaks, lines may end in LF or CRLF, and at most {@code maxRows} records after the header are handed over. Every
 * record carries the line it starts on (the header's is usually 1), counted once from the start of the text, so a
 * file is read in time linear in its length.
 *
 * <p>The reader only reads; what a value means, and how a problem is worded for the person, is the importer's.
 */
public final class CsvReader {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();

    private CsvReader() {
    }

    /** One record: the line it starts on and its values, trimmed. */
    public record Line(long number, List<String> values) {

        public Line {
            values = List.copyOf(values);
        }

        public int size() {
            return values.size();
        }

        public String get(int index) {
            return values.get(index);
        }
    }

    /** What the importer does with the header and each record after it. */
    public interface Handler {

        /** @return whether to read on (false: the header is wrong, nothing after it is read) */
        boolean header(Line header);

        void row(Line row);
    }

    /** Why reading stopped before the end of the file. */
    public enum Stop {
        /** no record at all, not even a header */
        EMPTY,
        /** the handler refused the header */
        HEADER,
        /** a record cannot be read as CSV (an open quote, most often); nothing after it was read */
        UNREADABLE_LINE,
        /** more records than the cap; the line is the first one over it */
        TOO_MANY_ROWS,
        /** the text as a whole cannot be read as CSV */
        UNREADABLE_FILE
    }

    /**
     * How reading went.
     *
     * @param stop     why it stopped early, or null when every record was read
     * @param line     the line the stop is about (1 for EMPTY and UNREADABLE_FILE), 0 when read to the end
     * @param rows     how many records after the header were handed to the handler
     * @param lastLine the line the last record read starts on (0 for an empty file)
     */
    public record Outcome(Stop stop, long line, int rows, long lastLine) {

        public boolean complete() {
            return stop == null;
        }
    }

    /**
     * Reads {@code text} (null is an empty file), handing the header and then each record to {@code handler}.
     * {@code text} is read from the start once; a {@link CharSequence} lets a caller hand over any text.
     */
    public static Outcome read(CharSequence text, int maxRows, Handler handler) {
        String content = text == null ? "" : text.toString();
        int start = !content.isEmpty() && content.charAt(0) == '\uFEFF' ? 1 : 0;
        Lines lines = new Lines(text == null ? "" : text, start);
        int rows = 0;
        try (CSVParser parser = CSVParser.parse(new StringReader(content.substring(start)), FORMAT)) {
            var records = parser.iterator();
            if (!records.hasNext()) {
                return new Outcome(Stop.EMPTY, 1, 0, 0);
            }
            CSVRecord header = records.next();
            if (!handler.header(line(header, lines))) {
                return new Outcome(Stop.HEADER, lines.last(), 0, lines.last());
            }
            while (records.hasNext()) {
                CSVRecord record;
                try {
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    return new Outcome(Stop.UNREADABLE_LINE, parser.getCurrentLineNumber() + 1, rows, lines.last());
                }
                Line line = line(record, lines);
                if (rows >= maxRows) {
                    return new Outcome(Stop.TOO_MANY_ROWS, line.number(), rows, line.number());
                }
                rows++;
                handler.row(line);
            }
            return new Outcome(null, 0, rows, lines.last());
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return new Outcome(Stop.UNREADABLE_FILE, 1, rows, lines.last());
        }
    }

    private static Line line(CSVRecord record, Lines lines) {
        return new Line(lines.lineOf(record.getCharacterPosition()), record.toList());
    }

    /**
     * Line numbers of character positions, counted once from the start: records come in order, so each count goes
     * on from where the last one stopped instead of scanning the text again.
     */
    private static final class Lines {
        private final CharSequence text;
        private final int offset;
        private int position;
        private long line = 1;

        Lines(CharSequence text, int offset) {
            this.text = text;
            this.offset = offset;
        }

        /**
         * @param characterPosition where the parser says a record starts, in the text after the byte-order mark: before
         *                          the empty lines it skipped to reach the record, which are passed over here (a
         *                          record never starts with a line break)
         */
        long lineOf(long characterPosition) {
            int target = (int) Math.min(characterPosition + offset, text.length());
            int i = Math.max(position, offset);
            for (; i < target; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            for (char c; i < text.length() && ((c = text.charAt(i)) == '\n' || c == '\r'); i++) {
                if (c == '\n') {
                    line++;
                }
            }
            position = Math.max(position, i);
            return line;
        }

        long last() {
            return line;
        }
    }
}
