package org.contacthub.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TimePatternTests {

    @Test
    void readsFixedWidthPatternsWithAnOffsetOrZ() {
        TimeFields fields = new TimeFields();
        TimePattern pattern = TimePattern.of("uuuu-MM-dd'T'HH:mm:ssXXX");

        assertThat(parse(pattern, "2025-07-15T10:15:00-05:30", fields)).isTrue();
        assertThat(new int[] {fields.year, fields.month, fields.day, fields.hour, fields.minute, fields.second})
                .containsExactly(2025, 7, 15, 10, 15, 0);
        assertThat(fields.offsetSeconds).isEqualTo(-19_800);
        assertThat(parse(pattern, "2025-07-15T10:15:00Z", fields)).isTrue();
        assertThat(fields.offsetSeconds).isZero();
        assertThat(parse(pattern, "2025-07-15 10:15:00Z", fields)).isFalse();
        assertThat(parse(pattern, "2025-07-15T10:15:00", fields)).isFalse();
    }

    @Test
    void fallsBackToAStrictFormatterForOtherPatterns() {
        TimeFields fields = new TimeFields();
        TimePattern pattern = TimePattern.of("d/M/yyyy h:mm a");

        assertThat(parse(pattern, "5/1/2025 2:07 PM", fields)).isTrue();
        assertThat(new int[] {fields.year, fields.month, fields.day, fields.hour, fields.minute})
                .containsExactly(2025, 1, 5, 14, 7);
        assertThat(parse(pattern, "31/2/2025 2:07 PM", fields)).isFalse();
    }

    @Test
    void refusesPatternsJavaTimeCannotUse() {
        assertThatThrownBy(() -> TimePattern.of("yyyy-MM-dd HH:mm zzz")).hasMessageContaining("time zone");
        assertThatThrownBy(() -> TimePattern.of("yyyy-MM-dd 'T")).hasMessageContaining("unclosed quote");
        assertThatThrownBy(() -> TimePattern.of("yyyy-bb-dd")).isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean parse(TimePattern pattern, String text, TimeFields fields) {
        return pattern.parse(text.toCharArray(), 0, text.length(), fields);
    }
}
