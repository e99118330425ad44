package org.contacthub.reporting;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** The length of one point on a trend: a day, an ISO week starting Monday, or a calendar month. */
public enum Grain {
    DAY("day", "1 day"),
    WEEK("week", "1 week"),
    MONTH("month", "1 month");

    private final String unit;
    private final String step;

    Grain(String unit, String step) {
        this.unit = unit;
        this.step = step;
    }

    /** The date_trunc unit. */
    String unit() {
        return unit;
    }

    /** The interval between two periods, as PostgreSQL reads it. */
    String step() {
        return step;
    }

    /** The first day of the period holding the given day. */
    public LocalDate start(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    /** The last day of the period starting on the given day. */
    public LocalDate end(LocalDate start) {
        return next(start).minusDays(1);
    }

    public LocalDate next(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }

    /** The grain that keeps a trend readable: days up to two months, weeks up to about a year. */
    public static Grain suiting(LocalDate from, LocalDate to) {
        long days = to.toEpochDay() - from.toEpochDay() + 1;
        if (days <= 62) {
            return DAY;
        }
        return days <= 400 ? WEEK : MONTH;
    }
}
