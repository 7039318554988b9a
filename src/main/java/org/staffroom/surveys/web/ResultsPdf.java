package org.staffroom.surveys.web;

import java.util.Locale;

import org.openpdf.text.Font;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.staffroom.shared.Pdf;
import org.staffroom.surveys.Question;
import org.staffroom.surveys.Results;

/**
 * The published tables as a printable PDF, to take into a meeting with management: the same rows as the
 * page, hidden ones saying why and carrying no figure.
 */
final class ResultsPdf {

    private static final Font TITLE = new Font(Font.HELVETICA, 16, Font.BOLD);
    private static final Font HEADING = new Font(Font.HELVETICA, 12, Font.BOLD);
    private static final Font TEXT = new Font(Font.HELVETICA, 9);
    private static final Font HEAD = new Font(Font.HELVETICA, 9, Font.BOLD);

    private ResultsPdf() {
    }

    /** The PDF as a file to download, for the page's link and the API alike. */
    static ResponseEntity<byte[]> download(byte[] pdf) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("staffroom-survey-results.pdf").build().toString())
                .body(pdf);
    }

    static byte[] of(Results.View results, MessageSource messages, Locale locale) {
        String title = messages.getMessage("survey.results.title", new Object[] {results.title()}, locale);
        return Pdf.a4(title, document -> {
            document.add(new Paragraph(title, TITLE));
            document.add(new Paragraph(messages.getMessage("survey.turnout", new Object[] {results.turnout()}, locale)
                    + (results.by() == null ? "" : " " + messages.getMessage("survey.results.pdf.by",
                            new Object[] {results.by().text()}, locale)),
                    TEXT));
            document.add(new Paragraph(messages.getMessage("survey.results.rules", null, locale), TEXT));
            for (Results.QuestionResult result : results.questions()) {
                Question q = result.question();
                boolean number = q.kind() == Question.Kind.NUMBER;
                Paragraph heading = new Paragraph(q.text(), HEADING);
                heading.setSpacingBefore(12);
                heading.setSpacingAfter(4);
                document.add(heading);
                int columns = 2 + (number ? 1 : q.options().size());
                PdfPTable table = new PdfPTable(columns);
                table.setWidthPercentage(100);
                table.setHeaderRows(1);
                table.addCell(new Phrase(messages.getMessage("survey.results.group", null, locale), HEAD));
                table.addCell(new Phrase(messages.getMessage("survey.results.people", null, locale), HEAD));
                if (number) {
                    table.addCell(new Phrase(messages.getMessage("survey.results.mean", null, locale), HEAD));
                } else {
                    q.options().forEach(option -> table.addCell(new Phrase(option, HEAD)));
                }
                for (Results.Row row : result.rows()) {
                    table.addCell(new Phrase(ResultsCsv.label(row, messages, locale), TEXT));
                    if (row.suppressed()) {
                        PdfPCell why = new PdfPCell(new Phrase(ResultsCsv.reason(row, messages, locale), TEXT));
                        why.setColspan(columns - 1);
                        table.addCell(why);
                        continue;
                    }
                    table.addCell(new Phrase(String.valueOf(row.respondents()), TEXT));
                    if (number) {
                        table.addCell(new Phrase(String.valueOf(row.mean()), TEXT));
                    } else {
                        java.util.Objects
                                .requireNonNull(
                                        row.cells())
                                .forEach(cell -> table.addCell(new Phrase(messages.getMessage("survey.results.cell",
                                        new Object[] {cell.percent(), cell.count()}, locale), TEXT)));
                    }
                }
                document.add(table);
            }
        });
    }
}
