package org.contacthub.reporting;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.contacthub.reporting.ReportTable.Column;
import org.springframework.stereotype.Component;

/** How the dashboard page writes a cell: grouped counts, percentages, seconds, London times. */
@Component("cellText")
public class CellText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK);

    /** The cell as the page shows it; an empty cell (a channel not yet started) reads as a dash. */
    public String text(Column column, Object cell) {
        if (cell == null) {
            return "–";
        }
        return switch (column.kind()) {
            case COUNT -> format("#,##0", cell);
            case SHARE -> format("0.0", ((Number) cell).doubleValue() * 100) + "%";
            case SIGNED_SHARE -> format("+0.0;-0.0", ((Number) cell).doubleValue() * 100) + "%";
            case SECONDS -> format("0.0", cell) + " s";
            case DECIMAL -> format("#,##0.0", cell);
            case SCORE -> format("+0.0;-0.0", cell);
            case TIME ->
                ((OffsetDateTime) cell)
                        .atZoneSameInstant(DashboardController.REPORTING_ZONE)
                        .format(TIME);
            case TEXT, DATE -> cell.toString();
        };
    }

    /** The raw number behind a cell, for the charts; empty for no value. */
    public String value(Object cell) {
        return cell instanceof Number ? cell.toString() : "";
    }

    private static String format(String pattern, Object number) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.UK)).format(number);
    }
}
