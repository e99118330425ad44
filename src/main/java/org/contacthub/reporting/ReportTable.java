package org.contacthub.reporting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One table of the dashboard as data: the page renders it, the CSV download writes it and the JSON
 * API serves it, so the three never disagree.
 *
 * @param id the table's name in URLs, such as {@code channel-totals}
 * @param title the heading shown above it
 * @param columns its columns, in order
 * @param rows its rows; a cell is a String, a Number, a LocalDate, a timestamp or null
 */
public record ReportTable(String id, String title, List<Column> columns, List<Row> rows) {

    /** How a column's values read, which decides how the page formats them. */
    public enum Kind {
        TEXT,
        DATE,
        TIME,
        COUNT,
        SHARE,
        SECONDS,
        SIGNED_SHARE,
        DECIMAL,
        SCORE
    }

    /**
     * A column.
     *
     * @param name the key in JSON and the header in CSV, in snake case
     * @param heading the header shown on the page
     * @param kind how its values read
     */
    public record Column(String name, String heading, Kind kind) {

        public boolean numeric() {
            return kind != Kind.TEXT && kind != Kind.DATE && kind != Kind.TIME;
        }
    }

    /**
     * A row.
     *
     * @param cells one value per column
     * @param link the query string that drills into this row, or null when it cannot be drilled into
     */
    public record Row(List<Object> cells, String link) {

        public static Row of(List<Object> cells) {
            return new Row(cells, null);
        }
    }

    /** The rows as maps from column name to value, the shape the JSON API serves. */
    public List<Map<String, Object>> asMaps() {
        List<Map<String, Object>> maps = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                map.put(columns.get(i).name(), row.cells().get(i));
            }
            maps.add(map);
        }
        return maps;
    }

    /** The value in the given row and column, for tests and the benchmark harness. */
    public Object cell(int row, String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return rows.get(row).cells().get(i);
            }
        }
        throw new IllegalArgumentException("No column " + column + " in " + id);
    }
}
