package org.staffroom.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
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

    @Test
    void plainTextAndNumbersAreWrittenAsTheyAre() {
        String written = Csv.withHeader(List.of("question", "count", "mean")).row("Your job?", 12, -1.5)
                .row("Nurse, band 5", 0, null).toString();
        assertThat(written).isEqualTo("question,count,mean\r\nYour job?,12,-1.5\r\n\"Nurse, band 5\",0,\r\n");
    }
}
