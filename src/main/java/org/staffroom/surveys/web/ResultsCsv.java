package org.staffroom.surveys.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.staffroom.shared.Csv;
import org.staffroom.surveys.Question;
import org.staffroom.surveys.Results;

/**
 * Exactly the published tables as CSV, one line per answer of each shown row; a hidden row is one line that
 * says it is hidden and why, with no figure. Written through {@link Csv}, so that no question, option or group
 * name reaches a spreadsheet as a formula.
 */
final class ResultsCsv {

    private ResultsCsv() {
    }

    /** The CSV as a file to download, for the page's link and the API alike. */
    static ResponseEntity<byte[]> download(String csv) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("staffroom-survey-results.csv").build().toString())
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    static String of(Results.View results, MessageSource messages, Locale locale) {
        Csv csv = Csv.withHeader(List.of(messages.getMessage("survey.csv.header", null, locale).split(",")));
        for (Results.QuestionResult result : results.questions()) {
            Question q = result.question();
            for (Results.Row row : result.rows()) {
                String label = label(row, messages, locale);
                if (row.suppressed()) {
                    csv.row(q.text(), q.code(), label, "", "", "", "", "", "yes", reason(row, messages, locale));
                } else if (row.cells() == null || row.cells().isEmpty()) {
                    csv.row(q.text(), q.code(), label, row.respondents(), "", "", "", row.mean(), "no", "");
                } else {
                    for (Results.Cell cell : java.util.Objects.requireNonNull(row.cells())) {
                        csv.row(q.text(), q.code(), label, row.respondents(), cell.option(), cell.count(),
                                cell.percent(), row.mean(), "no", "");
                    }
                }
            }
        }
        return csv.toString();
    }

    static String label(Results.Row row, MessageSource messages, Locale locale) {
        String group = row.group() == null ? ""
                : (row.group().equals(Results.ELSEWHERE) ? messages.getMessage("survey.results.elsewhere", null, locale)
                        : row.group()) + ": ";
        return group + (row.kind() == Results.RowKind.ANSWER ? row.label()
                : messages.getMessage("survey.results.row." + row.kind(), null, locale));
    }

    static String reason(Results.Row row, MessageSource messages, Locale locale) {
        return messages.getMessage("survey.results.hidden." + row.reason(), new Object[] {row.threshold()}, locale);
    }
}
