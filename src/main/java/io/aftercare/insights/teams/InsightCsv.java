package io.aftercare.insights.teams;

import java.util.List;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import io.aftercare.insights.Figure;

/**
 * The CSV of exactly what the page shows: one row per figure (three for a figure in bands), with the sentence the
 * page reads. A hidden figure has no numbers, only the sentence that says why; a share at an edge has no count.
 */
final class InsightCsv {

    private InsightCsv() {
    }

    static ResponseEntity<String> download(InsightReport report, String name, String header) {
        StringBuilder csv = new StringBuilder(header).append("\r\n");
        for (InsightReport.Section section : report.sections()) {
            for (InsightReport.Line line : section.lines()) {
                Figure f = line.released();
                if (f instanceof Figure.Share s) {
                    row(csv, line.figure(), line.group(), line.label(), s, null, line.text());
                } else if (f instanceof Figure.Bands b) {
                    row(csv, line.figure(), "1-2", line.label(), b.low(), null, line.text());
                    row(csv, line.figure(), "3", line.label(), b.middle(), null, line.text());
                    row(csv, line.figure(), "4-5", line.label(), b.high(), null, line.text());
                } else if (f instanceof Figure.Median m) {
                    row(csv, line.figure(), line.group(), line.label(), null, m, line.text());
                } else {
                    row(csv, line.figure(), line.group(), line.label(), null, null, line.text());
                }
            }
        }
        return ResponseEntity.ok()
            .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(name + "-" + report.month() + ".csv").build().toString())
            .body(csv.toString());
    }

    private static void row(StringBuilder csv, String figure, String group, String label, Figure.Share share,
                            Figure.Median median, String text) {
        boolean exact = share != null && share.edge() == Figure.Edge.EXACT;
        String count = exact ? Integer.toString(share.count()) : "";
        String of = share != null ? Integer.toString(share.of()) : median != null ? Integer.toString(median.of()) : "";
        String percent = exact ? String.format(Locale.ROOT, "%.1f", share.percent()) : "";
        String value = median != null ? String.format(Locale.ROOT, "%.1f", median.value()) : "";
        csv.append(String.join(",", List.of(cell(figure), cell(group), cell(label), count, of, percent, value,
            cell(text)))).append("\r\n");
    }

    /** Quoted when needed; a leading =, +, - or @ is defused so that a spreadsheet never runs it. */
    static String cell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
