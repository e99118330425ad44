package org.contacthub.reporting;

import java.time.LocalDate;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The dashboard's query parameters, as the page's form, its links and the JSON API send them.
 *
 * @param from the first reporting day; with {@code to} it overrides the preset
 * @param to the last reporting day
 * @param preset a named period ending today: last-4-weeks, last-13-weeks, last-12-months or last-3-years
 * @param grain day, week or month; left out, the period's length picks it
 * @param department the department drilled into
 * @param service the service drilled into
 * @param channel the channel of the contact point drilled into
 * @param point the contact point drilled into
 * @param unverified whether to list only unverified contact points
 */
record DashboardParameters(
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
        String preset,
        String grain,
        String department,
        String service,
        String channel,
        String point,
        Boolean unverified) {

    private static final int MAX_DAYS = 3660;

    /** The filter these parameters ask for; a bad period or grain is an IllegalArgumentException. */
    DashboardFilter filter(LocalDate today) {
        LocalDate last = to != null ? to : today;
        LocalDate first = from != null ? from : presetStart(last);
        if (first.isAfter(last) || first.plusDays(MAX_DAYS).isBefore(last)) {
            throw new IllegalArgumentException("The period must start on or before its end, within ten years");
        }
        Grain chosen = grain == null || grain.isBlank()
                ? Grain.suiting(first, last)
                : Grain.valueOf(grain.strip().toUpperCase(Locale.ROOT));
        return new DashboardFilter(
                first, last, chosen, department, service, channel, point, Boolean.TRUE.equals(unverified));
    }

    private LocalDate presetStart(LocalDate last) {
        String name = preset == null || preset.isBlank() ? "last-13-weeks" : preset;
        return switch (name) {
            case "last-4-weeks" -> last.minusWeeks(4).plusDays(1);
            case "last-13-weeks" -> last.minusWeeks(13).plusDays(1);
            case "last-12-months" -> last.minusMonths(12).plusDays(1);
            case "last-3-years" -> last.minusYears(3).plusDays(1);
            default -> throw new IllegalArgumentException("No preset " + name);
        };
    }
}
