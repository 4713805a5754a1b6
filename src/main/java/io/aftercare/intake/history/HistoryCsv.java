package io.aftercare.intake.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;

import io.aftercare.incidents.Severity;
import io.aftercare.intake.source.SourceEvent.Identity;
import io.aftercare.shared.CsvReader;

/**
 * Reads a CSV file of past incidents, in Aftercare's own columns or as PagerDuty exports it (docs/integrations/
 * history-import.md), and reports every line it cannot take with the line number and the reason. Reads only: the
 * directory is not asked here. The reading itself is the shared {@link CsvReader}; the columns are
 * {@link AftercareColumns} or {@link PagerDutyExport}, the values they share {@link HistoryValues}.
 */
final class HistoryCsv {

    /** Aftercare's own columns, in the order the documentation lists them. */
    static final List<String> COLUMNS = List.of("externalId", "title", "severity", "startedAt", "resolvedAt",
        "acknowledgedAt", "service", "team", "url", "source", "commander", "responders");
    static final int MAX_ROWS = 200_000;
    static final String DEFAULT_SOURCE = "import";


    private HistoryCsv() {
    }

    enum Format {
        AFTERCARE, PAGERDUTY
    }

    /** A problem with one line of the file (line 1 is the header). */
    record LineError(long line, String message) {
    }

    /** One past incident as the file gives it; people as the file names them. */
    record Row(long line, String source, String externalId, String title, Severity severity, String service,
               String team, String url, Instant startedAt, Instant acknowledgedAt, Instant resolvedAt,
               List<Identity> people) {
    }

    record Parsed(Format format, List<Row> rows, List<LineError> errors, long lines) {
    }

    /** Roughly how many lines the text has, for a progress bar before it is read. */
    static long countLines(String text) {
        long n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return text.isEmpty() || text.endsWith("\n") ? n : n + 1;
    }

    /**
     * @param checked told the number of lines read so far, now and then
     */
    static Parsed parse(String text, Instant now, IntConsumer checked) {
        List<LineError> errors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        Format[] format = {Format.AFTERCARE};
        Map<String, Integer> header = new HashMap<>();
        Map<String, Long> seen = new HashMap<>();
        CsvReader.Outcome outcome = CsvReader.read(text, MAX_ROWS, new CsvReader.Handler() {
            private int count;

            @Override
            public boolean header(CsvReader.Line line) {
                format[0] = PagerDutyExport.matches(line) ? Format.PAGERDUTY : Format.AFTERCARE;
                header.putAll(format[0] == Format.PAGERDUTY ? PagerDutyExport.header(line, errors)
                    : AftercareColumns.header(line, errors));
                return errors.isEmpty();
            }

            @Override
            public void row(CsvReader.Line record) {
                if (++count % 1000 == 0) {
                    checked.accept(count);
                }
                long line = record.number();
                int before = errors.size();
                Row row = format[0] == Format.PAGERDUTY ? PagerDutyExport.row(record, line, header, now, errors)
                    : AftercareColumns.row(record, line, header, now, errors);
                if (row != null && errors.size() == before) {
                    Long earlier = seen.putIfAbsent(row.source() + "\u0000" + row.externalId(), line);
                    if (earlier != null) {
                        errors.add(new LineError(line, "The incident " + row.externalId() + " is already on line "
                            + earlier + "."));
                    } else {
                        rows.add(row);
                    }
                }
            }
        });
        if (outcome.stop() == CsvReader.Stop.EMPTY) {
            errors.add(new LineError(1, "The file is empty. Its first line names the columns, for example: "
                + String.join(",", COLUMNS)));
            return new Parsed(format[0], rows, errors, 0);
        }
        if (outcome.stop() == CsvReader.Stop.HEADER) {
            return new Parsed(format[0], rows, errors, 1);
        }
        if (outcome.stop() == CsvReader.Stop.UNREADABLE_LINE) {
            errors.add(new LineError(outcome.line(),
                "This line cannot be read as CSV (check its quotes); nothing after it was read."));
        } else if (outcome.stop() == CsvReader.Stop.TOO_MANY_ROWS) {
            errors.add(new LineError(outcome.line(), "A file may have at most " + MAX_ROWS
                + " incidents. Split it into smaller files."));
        } else if (outcome.stop() == CsvReader.Stop.UNREADABLE_FILE) {
            errors.add(new LineError(1, "The file cannot be read as CSV (check its quotes)."));
        }
        if (outcome.stop() != CsvReader.Stop.UNREADABLE_FILE) {
            checked.accept(outcome.rows());
        }
        if (errors.isEmpty() && rows.isEmpty()) {
            errors.add(new LineError(1, "The file has a header line but no incidents."));
        }
        return new Parsed(format[0], rows, errors, outcome.lastLine());
    }

    static String key(String column) {
        return column.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
