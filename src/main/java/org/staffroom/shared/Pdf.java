package org.staffroom.shared;

import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;

import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.PageSize;
import org.openpdf.text.pdf.PdfWriter;

/** An A4 PDF (OpenPDF) with even margins, written by {@code content} and returned as bytes. */
public final class Pdf {

    private Pdf() {
    }

    public static byte[] a4(String title, Consumer<Document> content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 56, 56);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(title);
            document.open();
            content.accept(document);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }
}
