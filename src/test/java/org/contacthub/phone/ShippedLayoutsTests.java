package org.contacthub.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.contacthub.load.CallOutcome;
import org.contacthub.load.ContactRecord;
import org.junit.jupiter.api.Test;

class ShippedLayoutsTests {

    private static final Path LAYOUTS = Path.of("config/layouts");
    private static final String DRAMA_MOBILE_DIGITS = "7700900";

    private final CallRecordParser parser = new CallRecordParser();

    @Test
    void canonicalSampleParsesEveryRow() throws IOException {
        CollectingSink sink = parse("canonical");

        assertThat(sink.rejected).isEmpty();
        assertThat(sink.accepted).hasSize(20);
        assertThat(count(sink, CallOutcome.ANSWERED)).isEqualTo(11);
        assertThat(count(sink, CallOutcome.ABANDONED)).isEqualTo(4);
        assertThat(count(sink, CallOutcome.OTHER)).isEqualTo(5);
        assertThat(sink.accepted)
                .allSatisfy(call -> assertThat(call.timeAmbiguous()).isFalse());
    }

    @Test
    void canonicalSampleReadsGmtAndBstRows() throws IOException {
        CollectingSink sink = parse("canonical");

        assertCall(sink.atLine(2), "+441632960001", "2025-01-15T09:02:11Z", CallOutcome.ANSWERED, 34, 312);
        assertThat(sink.atLine(2).naturalKey()).isEqualTo("canonical:CAN-0001");
        assertThat(sink.atLine(2).sourceRef()).isEqualTo("canonical.csv");
        assertCall(sink.atLine(5), "+441632960030", "2025-01-16T14:20:00.250Z", CallOutcome.OTHER, 48, 0);
        assertCall(sink.atLine(9), "+441632960001", "2025-07-15T09:15:00Z", CallOutcome.ANSWERED, 27, 388);
        assertThat(sink.atLine(10).contactPoint()).isEqualTo("+441632960099");
        assertThat(sink.atLine(11).contactPoint()).isEqualTo("+441632960010");
    }

    @Test
    void canonicalSampleKeepsBothCallsOfTheRepeatedAutumnHourApart() throws IOException {
        CollectingSink sink = parse("canonical");

        assertThat(sink.atLine(15).occurredAt()).isEqualTo(Instant.parse("2025-10-26T00:30:00Z"));
        assertThat(sink.atLine(16).occurredAt()).isEqualTo(Instant.parse("2025-10-26T01:30:00Z"));
        assertThat(sink.atLine(16).outcome()).isEqualTo("other");
    }

    @Test
    void contactCentreSampleRejectsOnlyTheSpringGapRow() throws IOException {
        CollectingSink sink = parse("contact-centre");

        assertThat(sink.accepted).hasSize(17);
        assertThat(sink.rejected).singleElement().satisfies(rejection -> {
            assertThat(rejection.location()).isEqualTo("line 9");
            assertThat(rejection.reason()).contains("2025-03-30T01:30", "does not exist in Europe/London");
            assertThat(rejection.record())
                    .isEqualTo("500108,500108,03/30/2025,01:30:00,Out of hours,01632 960030,[removed],[removed],"
                            + "20,0,Y");
        });
        assertThat(count(sink, CallOutcome.ABANDONED)).isEqualTo(5);
        assertThat(count(sink, CallOutcome.ANSWERED)).isEqualTo(12);
    }

    @Test
    void contactCentreSampleReadsLocalTimesAcrossClockChanges() throws IOException {
        CollectingSink sink = parse("contact-centre");

        assertCall(sink.atLine(2), "+441632960001", "2025-01-15T09:03:27Z", CallOutcome.ANSWERED, 22, 305);
        assertCall(sink.atLine(3), "+441632960010", "2025-01-15T09:07:02Z", CallOutcome.ABANDONED, 95, 0);
        assertCall(sink.atLine(11), "+441632960001", "2025-07-15T09:15:00Z", CallOutcome.ANSWERED, 47, 412);
        assertThat(sink.atLine(8).occurredAt()).isEqualTo(Instant.parse("2025-03-30T00:45:00Z"));
        assertThat(sink.atLine(10).occurredAt()).isEqualTo(Instant.parse("2025-03-30T01:10:00Z"));
        assertThat(sink.atLine(16).occurredAt()).isEqualTo(Instant.parse("2025-10-26T02:30:00Z"));
        assertThat(sink.atLine(16).timeAmbiguous()).isFalse();
    }

    @Test
    void contactCentreSampleTakesTheEarlierOffsetInTheRepeatedAutumnHour() throws IOException {
        CollectingSink sink = parse("contact-centre");

        ContactRecord call = sink.atLine(15);

        assertThat(call.occurredAt()).isEqualTo(Instant.parse("2025-10-26T00:30:00Z"));
        assertThat(call.timeAmbiguous()).isTrue();
        assertThat(sink.accepted.stream().filter(ContactRecord::timeAmbiguous)).hasSize(1);
    }

    @Test
    void contactCentreTransferLegsShareOneNaturalKey() throws IOException {
        CollectingSink sink = parse("contact-centre");

        assertThat(sink.atLine(4).naturalKey()).isEqualTo("contact-centre:500103");
        assertThat(sink.atLine(5).naturalKey()).isEqualTo("contact-centre:500103");
        assertThat(sink.atLine(6).naturalKey()).isEqualTo("contact-centre:500103");
        assertThat(sink.atLine(2).naturalKey()).isEqualTo("contact-centre:500101");
        assertThat(sink.accepted.stream().map(ContactRecord::naturalKey).distinct())
                .hasSize(15);
    }

    @Test
    void legacyLoggerSampleReadsWindows1252ClockDurationsAndExtensions() throws IOException {
        CollectingSink sink = parse("legacy-logger");

        assertThat(sink.accepted).hasSize(16);
        assertCall(sink.atLine(2), "+441632960001", "2025-01-15T09:01:12Z", CallOutcome.ANSWERED, 12, 185);
        assertCall(sink.atLine(3), "+441632960020", "2025-01-15T09:04:55Z", CallOutcome.ABANDONED, 100, 0);
        assertCall(sink.atLine(4), "+441632960040", "2025-01-15T09:30:03Z", CallOutcome.OTHER, 45, 0);
        assertCall(sink.atLine(5), "+441632960050", "2025-01-15T10:11:27Z", CallOutcome.ANSWERED, 20, 291);
        assertThat(sink.atLine(6).talkSeconds()).isEqualTo(3753);
        assertCall(sink.atLine(10), "+441632960020", "2025-07-15T09:15:00Z", CallOutcome.ANSWERED, 19, 372);
        assertThat(count(sink, CallOutcome.ABANDONED)).isEqualTo(3);
        assertThat(count(sink, CallOutcome.OTHER)).isEqualTo(3);
    }

    @Test
    void legacyLoggerSampleHandlesTheClockChanges() throws IOException {
        CollectingSink sink = parse("legacy-logger");

        assertThat(sink.rejected).singleElement().satisfies(rejection -> {
            assertThat(rejection.location()).isEqualTo("line 8");
            assertThat(rejection.reason()).contains("does not exist", "clocks went forward");
            assertThat(rejection.record())
                    .isEqualTo("30/03/2025 01:20:00;[removed];01632 960001;2104;0:00:05;" + "0:01:10;\u00A30.04");
        });
        assertThat(sink.atLine(14).occurredAt()).isEqualTo(Instant.parse("2025-10-26T00:15:00Z"));
        assertThat(sink.atLine(14).timeAmbiguous()).isTrue();
        assertThat(sink.atLine(15).occurredAt()).isEqualTo(Instant.parse("2025-10-26T02:15:00Z"));
        assertThat(sink.atLine(15).timeAmbiguous()).isFalse();
    }

    @Test
    void legacyLoggerDerivesADistinctStableKeyPerRow() throws IOException {
        CollectingSink first = parse("legacy-logger");
        CollectingSink second = parse("legacy-logger");

        assertThat(first.accepted.stream().map(ContactRecord::naturalKey).distinct())
                .hasSize(16);
        assertThat(first.atLine(2).naturalKey()).matches("legacy-logger:[0-9a-f]{64}");
        assertThat(second.atLine(2).naturalKey()).isEqualTo(first.atLine(2).naturalKey());
    }

    @Test
    void noSampleLetsACallerNumberOrAgentNameThrough() throws IOException {
        for (String layout : new String[] {"canonical", "contact-centre", "legacy-logger"}) {
            CollectingSink sink = parse(layout);

            assertThat(sink.everything())
                    .as(layout)
                    .doesNotContain(DRAMA_MOBILE_DIGITS, "Withheld", "Patel", "Okafor", "Nguyen", "Brien");
        }
    }

    private CollectingSink parse(String layoutId) throws IOException {
        PhoneLayout layout = PhoneLayout.load(LAYOUTS.resolve(layoutId + ".yaml"));
        CollectingSink sink = new CollectingSink();
        try (InputStream in = Files.newInputStream(LAYOUTS.resolve("samples").resolve(layoutId + ".csv"))) {
            parser.parse(in, layoutId + ".csv", layout, sink);
        }
        return sink;
    }

    private static long count(CollectingSink sink, CallOutcome outcome) {
        return sink.accepted.stream()
                .filter(call -> call.outcome().equals(outcome.code()))
                .count();
    }

    private static void assertCall(
            ContactRecord call, String number, String instant, CallOutcome outcome, int wait, int talk) {
        assertThat(call.contactPoint()).isEqualTo(number);
        assertThat(call.occurredAt()).isEqualTo(Instant.parse(instant));
        assertThat(call.outcome()).isEqualTo(outcome.code());
        assertThat(call.waitSeconds()).isEqualTo(wait);
        assertThat(call.talkSeconds()).isEqualTo(talk);
    }
}
