package org.contacthub.phone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DurationFormatTests {

    @Test
    void readsClockDurationsWithAndWithoutHours() {
        assertThat(seconds(DurationFormat.CLOCK, "1:02:03")).isEqualTo(3723);
        assertThat(seconds(DurationFormat.CLOCK, "0:00:12")).isEqualTo(12);
        assertThat(seconds(DurationFormat.CLOCK, "2:05")).isEqualTo(125);
        assertThat(seconds(DurationFormat.CLOCK, "75:00")).isEqualTo(4500);
    }

    @Test
    void refusesClockDurationsThatAreNotClockReadings() {
        assertThat(seconds(DurationFormat.CLOCK, "1:5")).isNegative();
        assertThat(seconds(DurationFormat.CLOCK, "1:60")).isNegative();
        assertThat(seconds(DurationFormat.CLOCK, "75")).isNegative();
        assertThat(seconds(DurationFormat.CLOCK, ":12")).isNegative();
        assertThat(seconds(DurationFormat.CLOCK, "1::12")).isNegative();
    }

    @Test
    void readsWholeSecondsOnly() {
        assertThat(seconds(DurationFormat.SECONDS, "0")).isZero();
        assertThat(seconds(DurationFormat.SECONDS, "312")).isEqualTo(312);
        assertThat(seconds(DurationFormat.SECONDS, "-5")).isNegative();
        assertThat(seconds(DurationFormat.SECONDS, "1.5")).isNegative();
        assertThat(seconds(DurationFormat.SECONDS, "9999999999")).isNegative();
    }

    private static int seconds(DurationFormat format, String text) {
        return format.seconds(text.toCharArray(), 0, text.length());
    }
}
