package org.contacthub.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTests {

    @Test
    void leavesAnOrdinaryFileNameAlone() {
        assertThat(LogText.safe("calls-2026-12-03 (legacy).csv")).isEqualTo("calls-2026-12-03 (legacy).csv");
    }

    @Test
    void turnsLineBreaksIntoQuestionMarksSoNoLineCanBeForged() {
        assertThat(LogText.safe("a.csv\r\n12:00 INFO Collection run 9 succeeded"))
                .isEqualTo("a.csv??12:00 INFO Collection run 9 succeeded");
    }

    @Test
    void replacesTerminalEscapesAndBidirectionalOverrides() {
        assertThat(LogText.safe("\u001B[31mred\u202Evsc.exe\u2028")).isEqualTo("?[31mred?vsc.exe?");
    }

    @Test
    void cutsVeryLongTextShort() {
        String safe = LogText.safe("x".repeat(1000));

        assertThat(safe).hasSize(LogText.MAX_LENGTH + 1).endsWith("x…");
    }

    @Test
    void keepsNull() {
        assertThat(LogText.safe(null)).isNull();
    }
}
