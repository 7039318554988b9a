package org.staffroom.shared;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The one way the application writes CSV (RFC 4180, CRLF line ends). Every text field is quoted, so that it
 * stays one cell whatever separator the spreadsheet splits on: Excel in many European locales splits on
 * semicolons, and an unquoted {@code Q;=HYPERLINK(...)} would be two cells there, the second a formula. Text
 * that a spreadsheet would take for a formula, starting with {@code = + - @}, a tab, a carriage return or a
 * NUL, is also written behind a single quote, as OWASP's "CSV Injection" and ASVS 1.2.10 advise, so that it is
 * shown as the text it is. Numbers are written as they are, unquoted, so that they stay numbers; an empty
 * field is left empty, as it cannot hold a formula.
 */
public final class Csv {

    private static final String FORMULA_STARTS = "=+-@\t\r\0";

    private final StringBuilder out = new StringBuilder();

    private Csv(List<String> header) {
        row(header.toArray());
    }

    public static Csv withHeader(List<String> header) {
        return new Csv(header);
    }

    /** One record; null is an empty field. */
    public Csv row(@Nullable Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(values[i]));
        }
        out.append("\r\n");
        return this;
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        String text = value.toString();
        if (text.isEmpty()) {
            return "";
        }
        String shown = FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        return '"' + shown.replace("\"", "\"\"") + '"';
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
