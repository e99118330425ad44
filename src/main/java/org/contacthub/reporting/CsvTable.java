package org.contacthub.reporting;

import java.util.List;
import java.util.stream.Collectors;

/** Writes a report table as CSV (RFC 4180) that opens safely in a spreadsheet. */
final class CsvTable {

    private CsvTable() {}

    static String write(ReportTable table) {
        StringBuilder csv = new StringBuilder();
        line(csv, table.columns().stream().map(c -> (Object) c.name()).toList());
        table.rows().forEach(row -> line(csv, row.cells()));
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<Object> cells) {
        csv.append(cells.stream().map(CsvTable::field).collect(Collectors.joining(",")))
                .append("\r\n");
    }

    private static String field(Object cell) {
        if (cell == null) {
            return "";
        }
        String text = cell instanceof String s ? defuse(s) : cell.toString();
        boolean quote =
                text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    /**
     * Identifiers come from outside sources, so text a spreadsheet would run as a formula is prefixed
     * with an apostrophe; a phone number such as +441632960000 is left as it is.
     */
    private static String defuse(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        boolean number = text.length() > 1 && text.substring(1).chars().allMatch(Character::isDigit);
        boolean risky = first == '=' || first == '@' || first == '\t' || ((first == '+' || first == '-') && !number);
        return risky ? "'" + text : text;
    }
}
