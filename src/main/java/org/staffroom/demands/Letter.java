package org.staffroom.demands;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.openpdf.text.Font;
import org.openpdf.text.Paragraph;
import org.staffroom.shared.Pdf;

/**
 * The demand letter: what is asked, why, how many members support it, and the names only of those who
 * chose to sign openly. The same lines make the plain text and the PDF (OpenPDF).
 */
final class Letter {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private Letter() {
    }

    /** The letter's paragraphs; the first is the heading. */
    static List<String> paragraphs(Demands.View demand, LocalDate today) {
        List<String> lines = new ArrayList<>();
        lines.add(demand.what());
        lines.add("To: " + demand.addressedTo());
        lines.add("From: the members of " + demand.groupName());
        lines.add("Date: " + today.format(DATE));
        int supporters = demand.supporters();
        lines.add((supporters == 1 ? "One member" : supporters + " members") + " of " + demand.groupName()
                + " ask that: " + demand.what());
        lines.add("Why: " + demand.reasons());
        if (demand.respondBy() != null) {
            lines.add("We ask for a response by " + demand.respondBy().format(DATE) + ".");
        }
        if (!demand.signedOpenly().isEmpty()) {
            lines.add("Signed by: " + String.join(", ", demand.signedOpenly()));
        }
        return lines;
    }

    static String text(Demands.View demand, LocalDate today) {
        return String.join("\n\n", paragraphs(demand, today)) + "\n";
    }

    static byte[] pdf(Demands.View demand, LocalDate today) {
        return Pdf.a4(demand.what(), document -> {
            List<String> paragraphs = paragraphs(demand, today);
            Paragraph heading = new Paragraph(paragraphs.getFirst(), new Font(Font.HELVETICA, 16, Font.BOLD));
            heading.setSpacingAfter(12);
            document.add(heading);
            for (String text : paragraphs.subList(1, paragraphs.size())) {
                Paragraph paragraph = new Paragraph(text, new Font(Font.HELVETICA, 11));
                paragraph.setSpacingAfter(8);
                document.add(paragraph);
            }
        });
    }
}
