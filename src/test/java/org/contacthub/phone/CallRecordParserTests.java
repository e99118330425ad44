package org.contacthub.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.contacthub.load.Rejection;
import org.contacthub.load.UnreadableInputException;
import org.junit.jupiter.api.Test;

class CallRecordParserTests {

    private static final String HEADER =
            "call_id,started_at,dialled_number,caller_number,queue,wait_seconds,talk_seconds,outcome\n";
    private static final String GOOD = "X1,2025-01-15T09:00:00Z,01632 960001,+447700900401,Q,1,2,answered\n";

    private final PhoneLayout canonical = PhoneLayout.load(Path.of("config/layouts/canonical.yaml"));
    private final CallRecordParser parser = new CallRecordParser();

    @Test
    void rejectsMalformedRowsWithReasonsAndParsesTheRest() {
        String file = HEADER
                + GOOD
                + "X2,2025-01-15T09:00:00Z,01632 960001,+447700900402,Q,1\n"
                + "X3,2025-13-45T09:00:00Z,01632 960001,+447700900403,Q,1,2,answered\n"
                + "X4,2025-01-15T09:00:00Z,01632 960001,+447700900404,Q,1,2,transferred\n"
                + "X5,2025-01-15T09:00:00Z,01632 960001,+447700900405," + "x".repeat(300) + ",1,2,answered\n"
                + "X6\u0000\u0000\u0001,2025-01-15T09:00:00Z,01632 960001,+447700900406,Q,1,2,answered\n"
                + "\n"
                + "X7,2025-01-15T09:00:00Z,01632 960001,+447700900407,Q,abc,2,answered\n"
                + "X8,2025-01-15T09:00:00Z,not a number,+447700900408,Q,1,2,answered\n"
                + "X9,\"2025-01-15T09:00:00Z,01632 960001,+447700900409,Q,1,2,answered\n"
                + "X10," + "9".repeat(5000) + ",+447700900410\n"
                + "X11,15/01/2025 09:00,01632 960001,+447700900411,Q,1,2,answered\n"
                + "X12,2025-01-15T10:00:00Z,01632 960001,+447700900412,Q,1,2,answered\n";

        CollectingSink sink = parse(file);

        assertThat(sink.accepted)
                .extracting(call -> call.naturalKey())
                .containsExactly("canonical:X1", "canonical:X12");
        assertThat(sink.accepted.get(1).sourceLine()).isEqualTo(14);
        assertThat(sink.rejected)
                .extracting(Rejection::location)
                .containsExactly(
                        "line 3", "line 4", "line 5", "line 6", "line 7", "line 9", "line 10", "line 11", "line 12",
                        "line 13");
        assertThat(reason(sink, "line 3")).isEqualTo("line has 6 columns where the header has 8");
        assertThat(reason(sink, "line 4")).contains("not a real date and time");
        assertThat(reason(sink, "line 5")).isEqualTo("unknown outcome \"transferred\" in column outcome");
        assertThat(reason(sink, "line 6")).isEqualTo("column queue is longer than 256 characters");
        assertThat(reason(sink, "line 7")).isEqualTo("line holds binary data or control characters");
        assertThat(reason(sink, "line 9")).contains("wait \"abc\"", "not a duration in seconds");
        assertThat(reason(sink, "line 10")).contains("\"not a number\"", "is not a phone number");
        assertThat(reason(sink, "line 11")).contains("quoted field is not closed");
        assertThat(reason(sink, "line 12")).isEqualTo("line is longer than 4096 characters");
        assertThat(reason(sink, "line 13")).contains("does not match uuuu-MM-dd'T'HH:mm:ssXXX");
    }

    @Test
    void replacesPersonalAndUnreadableValuesInRejectedRecords() {
        String file = HEADER
                + "X2,2025-01-15T09:00:00Z,01632 960001,+447700900402,Q,1\n"
                + "X4,2025-01-15T09:00:00Z,01632 960001,+447700900404,\"Q, \"\"East\"\"\",1,2,transferred\n"
                + "X6\u0000,2025-01-15T09:00:00Z,01632 960001,+447700900406,Q,1,2,answered\n";

        CollectingSink sink = parse(file);

        assertThat(sink.rejected)
                .extracting(Rejection::record)
                .containsExactly(
                        "[removed],[removed],[removed],[removed],[removed],[removed]",
                        "X4,2025-01-15T09:00:00Z,01632 960001,[removed],\"Q, \"\"East\"\"\",1,2,transferred",
                        "X6?,2025-01-15T09:00:00Z,01632 960001,[removed],Q,1,2,answered");
        assertThat(sink.everything()).doesNotContain("7700900", "\u0000");
    }

    @Test
    void readsQuotedFieldsWithDelimitersAndDoubledQuotes() {
        String file = HEADER + "\"X,1\",\"2025-01-15T09:00:00Z\",\"01632 960001\",\"+447700900401\","
                + "\"Say \"\"hello\"\", then wait\",\"1\",\"2\",\"answered\"\n";

        CollectingSink sink = parse(file);

        assertThat(sink.rejected).isEmpty();
        assertThat(sink.accepted).singleElement().satisfies(call -> {
            assertThat(call.naturalKey()).isEqualTo("canonical:X,1");
            assertThat(call.occurredAt()).isEqualTo(Instant.parse("2025-01-15T09:00:00Z"));
        });
    }

    @Test
    void skipsBlankLinesButCountsThemInLineNumbers() {
        String file = HEADER + "\n   \n,,,,,,,\r\n" + GOOD;

        CollectingSink sink = parse(file);

        assertThat(sink.rejected).isEmpty();
        assertThat(sink.accepted)
                .singleElement()
                .satisfies(call -> assertThat(call.sourceLine()).isEqualTo(5));
    }

    @Test
    void stripsAUtf8ByteOrderMarkAndReadsCrLfLines() {
        String file = "\uFEFF" + HEADER.replace("\n", "\r\n") + GOOD.replace("\n", "\r\n");

        CollectingSink sink = parse(file);

        assertThat(sink.rejected).isEmpty();
        assertThat(sink.accepted)
                .singleElement()
                .satisfies(call -> assertThat(call.talkSeconds()).isEqualTo(2));
    }

    @Test
    void leavesOutBlankDurations() {
        CollectingSink sink = parse(HEADER + "X1,2025-01-15T09:00:00Z,01632 960001,,Q,,,abandoned\n");

        assertThat(sink.accepted).singleElement().satisfies(call -> {
            assertThat(call.waitSeconds()).isNull();
            assertThat(call.talkSeconds()).isNull();
        });
    }

    @Test
    void refusesAFileWithoutTheLayoutsHeader() {
        String file = "call_id,started_at,number,wait_seconds,talk_seconds\n" + GOOD;

        assertThatThrownBy(() -> parse(file))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("calls.csv", "canonical", "dialled_number", "outcome")
                .hasMessageNotContaining("7700900");
    }

    @Test
    void refusesAFileWhoseFirstLineIsData() {
        assertThatThrownBy(() -> parse(GOOD + GOOD))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageNotContaining("7700900");
    }

    @Test
    void refusesAFileThatIsNotText() {
        byte[] gzip = {0x1f, (byte) 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x0a, 0x41};

        assertThatThrownBy(() ->
                        parser.parse(new ByteArrayInputStream(gzip), "calls.csv", canonical, new CollectingSink()))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("not a text call-record file");
    }

    @Test
    void refusesAnEmptyFile() {
        assertThatThrownBy(() -> parse(""))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("no header line");
    }

    @Test
    void acceptsAHeaderOnlyFileAsNoCalls() {
        CollectingSink sink = parse(HEADER);

        assertThat(sink.accepted).isEmpty();
        assertThat(sink.rejected).isEmpty();
    }

    @Test
    void readsAFileLongerThanItsBuffersLineByLine() {
        StringBuilder file = new StringBuilder(HEADER);
        for (int i = 0; i < 20_000; i++) {
            file.append("K").append(i).append(",2025-01-15T09:00:00Z,01632 960001,+447700900401,Q,1,2,answered\n");
        }

        CollectingSink sink = parse(file.toString());

        assertThat(sink.rejected).isEmpty();
        assertThat(sink.accepted).hasSize(20_000);
        assertThat(sink.accepted.get(19_999).naturalKey()).isEqualTo("canonical:K19999");
    }

    private CollectingSink parse(String file) {
        CollectingSink sink = new CollectingSink();
        InputStream in = new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8));
        parser.parse(in, "calls.csv", canonical, sink);
        return sink;
    }

    private static String reason(CollectingSink sink, String location) {
        List<Rejection> matching = sink.rejected.stream()
                .filter(rejection -> rejection.location().equals(location))
                .toList();
        assertThat(matching).hasSize(1);
        return matching.get(0).reason();
    }
}
