package org.staffroom.shared;

import java.util.List;

/**
 * The one way the application writes CSV (RFC 4180, CRLF line ends). Text that a spreadsheet would take for a
 * formula, starting with {@code = + - @}, a tab or a carriage return, is written behind a single quote and
 * quoted, as OWASP's "CSV Injection" advises, so that it is shown as the text it is; numbers are written as
 * they are.
 */
public final class Csv {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final StringBuilder out = new StringBuilder();

    private Csv(List<String> header) {
        row(header.toArray());
    }

    public static Csv withHeader(List<String> header) {
        return new Csv(header);
    }

    /** One record; null is an empty field. */
    public Csv row(Object... values) {
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
        boolean formula = !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0;
        if (formula) {
            text = "'" + text;
        }
        boolean quote = formula || text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n')
                || !text.equals(text.strip());
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
