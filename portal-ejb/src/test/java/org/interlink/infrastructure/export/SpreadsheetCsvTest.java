package org.interlink.infrastructure.export;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetCsvTest {

    @Test
    void writesRfc4180RowsWithAHeader() {
        String csv = SpreadsheetCsv.of(List.of("id", "title"), List.of(List.of(1, "plain"),
                List.of(2, "with, comma"), List.of(3, "with \"quotes\""), List.of(4, "two\nlines")));

        assertThat(csv).isEqualTo("id,title\r\n1,plain\r\n2,\"with, comma\"\r\n3,\"with \"\"quotes\"\"\"\r\n4,\"two\nlines\"\r\n");
    }

    @Test
    void aCellThatWouldStartAFormulaIsDefused() {
        String csv = SpreadsheetCsv.of(List.of("a", "b", "c", "d", "e"),
                List.of(List.of("=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "safe")));

        assertThat(csv.split("\r\n")[1]).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\",'+1,'-2,'@SUM(A1),safe");
    }

    @Test
    void arabicTextAndEmptyCellsStayAsTheyAre() {
        String csv = SpreadsheetCsv.of(List.of("العنوان", "x"), List.<List<?>>of(Arrays.asList("زيارة دراسية", null)));

        assertThat(csv).isEqualTo("العنوان,x\r\nزيارة دراسية,\r\n");
    }
}
