package org.staffroom.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** OWASP's CSV injection: no field that a spreadsheet would run as a formula. */
class CsvTest {

    @Test
    void textThatStartsAFormulaIsQuotedBehindASingleQuote() throws Exception {
        List<String> attacks = List.of("=1+2", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)", "\t=1+2", "\r=1+2",
                "=HYPERLINK(\"https://evil.example\",\"Click\")", "Ward 7: =cmd", "=group name: Everyone");
        Csv csv = Csv.withHeader(List.of("text"));
        attacks.forEach(csv::row);
        String written = csv.toString();

        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(written)).getRecords();
        assertThat(records.stream().map(record -> record.get("text"))).containsExactly("'=1+2",
                "'+1+cmd|' /C calc'!A0", "'-2+3", "'@SUM(1+1)", "'\t=1+2", "'\r=1+2",
                "'=HYPERLINK(\"https://evil.example\",\"Click\")", "Ward 7: =cmd", "'=group name: Everyone");
        assertThat(written).contains("\r\n\"'=1+2\"\r\n").contains("\r\n\"'\t=1+2\"\r\n")
                .contains("\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"Click\"\")\"");
    }

    /**
     * Excel in a European locale splits on semicolons: an unquoted {@code Q;=HYPERLINK(...)} would be two cells,
     * the second a formula. Read with either separator, no cell of text starts a formula.
     */
    @Test
    void noSeparatorASpreadsheetMightUseStartsAFormulaInsideAField() {
        List<String> attacks = List.of("Q;=HYPERLINK('http://evil')", "\0=1+2", "a;+1+cmd|' /C calc'!A0",
                "b;-2+3;@SUM(1+1)",
                "c,=1+2", "d\t=1+2", "e;\"=1+2", "f\";=1+2", "g;\t=1+2", "h\r\n=1+2", "i\n;@x");
        Csv csv = Csv.withHeader(List.of("text", "count"));
        attacks.forEach(attack -> csv.row(attack, -1));
        String written = csv.toString();

        for (char separator : new char[] {',', ';', '\t'}) {
            List<List<String>> rows = cells(written, separator);
            assertThat(rows).as("records read with %s", separator).hasSize(attacks.size() + 1);
            assertThat(rows.stream().flatMap(List::stream)).as("cells read with %s", separator)
                    .allSatisfy(cell -> assertThat(cell.matches("-?[0-9.]+") || cell.isEmpty()
                            || FORMULA_STARTS.indexOf(cell.charAt(0)) < 0).as(cell).isTrue());
        }
    }

    @Test
    void textIsAlwaysQuotedAndNumbersNever() {
        String written = Csv.withHeader(List.of("question", "count", "mean")).row("Your job?", 12, -1.5)
                .row("Nurse, band 5", 0, null).row("", 1L, 2.25).toString();
        assertThat(written).isEqualTo("\"question\",\"count\",\"mean\"\r\n\"Your job?\",12,-1.5\r\n"
                + "\"Nurse, band 5\",0,\r\n,1,2.25\r\n");
    }

    private static final String FORMULA_STARTS = "=+-@\t\r\0";

    /**
     * The cells as a spreadsheet reads them with the given separator: RFC 4180 quoting, and, as Excel does, text
     * after a closing quote kept as it stands. A line break outside quotes ends the record.
     */
    private static List<List<String>> cells(String csv, char separator) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean cellStart = true;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cellStart) {
                quoted = true;
                cellStart = false;
            } else if (c == separator) {
                record.add(cell.toString());
                cell.setLength(0);
                cellStart = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(cell.toString());
                records.add(record);
                record = new ArrayList<>();
                cell.setLength(0);
                cellStart = true;
            } else {
                cell.append(c);
                cellStart = false;
            }
        }
        assertThat(quoted).as("every quote closed").isFalse();
        return records;
    }
}
