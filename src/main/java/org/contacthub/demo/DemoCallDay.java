package org.contacthub.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.contacthub.load.CallOutcome;

/**
 * The calls one day brings to some council numbers: a morning peak at nine to eleven, a lunchtime dip, a quieter
 * afternoon, few calls at weekends; longer waits and more abandoned calls when the lines are busiest.
 */
final class DemoCallDay {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static final double[] HOURLY_SHARE = {
        0.01, 0.01, 0.005, 0.005, 0.005, 0.01, 0.03, 0.15, 0.7, 1.5, 1.6, 1.3,
        0.7, 0.8, 1.1, 1.0, 0.9, 0.55, 0.2, 0.1, 0.05, 0.03, 0.02, 0.01
    };
    private static final double PEAK_SHARE = 1.6;
    private static final double TRANSFER_SHARE = 0.05;

    private final Random random;
    private double totalShare;

    DemoCallDay(Random random) {
        this.random = random;
        for (double share : HOURLY_SHARE) {
            totalShare += share;
        }
    }

    /** The day's calls in start order; weekday volume per number is that number's base volume. */
    List<DemoCall> calls(LocalDate day, List<String> numbers, int[] weekdayVolumes) {
        List<DemoCall> calls = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i++) {
            int count = volume(day, weekdayVolumes[i]);
            for (int k = 0; k < count; k++) {
                calls.add(call(day, numbers.get(i)));
            }
        }
        calls.sort(Comparator.comparing(DemoCall::start));
        return numbered(calls);
    }

    private static List<DemoCall> numbered(List<DemoCall> calls) {
        List<DemoCall> numbered = new ArrayList<>();
        for (DemoCall call : calls) {
            numbered.add(new DemoCall(
                    call.start(),
                    call.number(),
                    call.callerSuffix(),
                    call.waitSeconds(),
                    call.talkSeconds(),
                    call.outcome(),
                    call.legs(),
                    numbered.size() + 1));
        }
        return numbered;
    }

    private int volume(LocalDate day, int weekdayVolume) {
        double dayShare =
                day.getDayOfWeek() == DayOfWeek.SATURDAY ? 0.15 : day.getDayOfWeek() == DayOfWeek.SUNDAY ? 0.07 : 1.0;
        double jitter = 0.85 + 0.3 * random.nextDouble();
        return (int) Math.round(weekdayVolume * dayShare * jitter);
    }

    private DemoCall call(LocalDate day, String number) {
        int hour = hour();
        LocalDateTime local = day.atTime(hour, random.nextInt(60), random.nextInt(60));
        ZonedDateTime start = ZonedDateTime.of(local, LONDON);
        double busy = HOURLY_SHARE[hour] / PEAK_SHARE;
        CallOutcome outcome = outcome(busy);
        int wait = wait(busy, outcome);
        int talk = outcome == CallOutcome.ANSWERED ? talk() : 0;
        return new DemoCall(start, number, random.nextInt(1000), wait, talk, outcome, legs(outcome), 0);
    }

    private int hour() {
        double pick = random.nextDouble() * totalShare;
        for (int hour = 0; hour < HOURLY_SHARE.length; hour++) {
            pick -= HOURLY_SHARE[hour];
            if (pick <= 0) {
                return hour;
            }
        }
        return HOURLY_SHARE.length - 1;
    }

    private CallOutcome outcome(double busy) {
        double answered = 0.91 - 0.16 * busy;
        double pick = random.nextDouble();
        if (pick < answered) {
            return CallOutcome.ANSWERED;
        }
        return pick < answered + 0.03 ? CallOutcome.OTHER : CallOutcome.ABANDONED;
    }

    private int wait(double busy, CallOutcome outcome) {
        double mean = 15 + 90 * busy;
        double wait = -mean * Math.log(1 - random.nextDouble());
        double cap = outcome == CallOutcome.ABANDONED ? 600 : 1200;
        return (int) Math.min(cap, Math.round(wait));
    }

    private int talk() {
        double seconds = Math.exp(5.2 + 0.65 * random.nextGaussian());
        return (int) Math.max(10, Math.min(3600, Math.round(seconds)));
    }

    private int legs(CallOutcome outcome) {
        if (outcome != CallOutcome.ANSWERED || random.nextDouble() >= TRANSFER_SHARE) {
            return 1;
        }
        return random.nextDouble() < 0.25 ? 3 : 2;
    }
}
