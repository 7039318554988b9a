package org.staffroom.surveys.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.staffroom.surveys.Question;
import org.staffroom.surveys.Results;

/**
 * Exactly the published tables as CSV, one line per answer of each shown row; a hidden row is one line that
 * says it is hidden and why, with no figure.
 */
final class ResultsCsv {

    private ResultsCsv() {
    }

    static String of(Results.View results, MessageSource messages, Locale locale) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(
                messages.getMessage("survey.csv.header", null, locale).split(",")).get())) {
            for (Results.QuestionResult result : results.questions()) {
                Question q = result.question();
                for (Results.Row row : result.rows()) {
                    String label = label(row, messages, locale);
                    if (row.suppressed()) {
                        csv.printRecord(q.text(), q.code(), label, "", "", "", "", "", "yes", reason(row, messages, locale));
                    } else if (row.cells().isEmpty()) {
                        csv.printRecord(q.text(), q.code(), label, row.respondents(), "", "", "", row.mean(), "no", "");
                    } else {
                        for (Results.Cell cell : row.cells()) {
                            csv.printRecord(q.text(), q.code(), label, row.respondents(), cell.option(), cell.count(),
                                    cell.percent(), row.mean(), "no", "");
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
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
