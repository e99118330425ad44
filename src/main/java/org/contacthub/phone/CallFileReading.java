package org.contacthub.phone;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.time.Instant;
import org.contacthub.load.CallOutcome;
import org.contacthub.load.ContactRecord;
import org.contacthub.load.ContactSink;
import org.contacthub.load.Rejection;
import org.contacthub.load.UnreadableInputException;

/** The reading of one call-record file: its header, then each line in turn as a call or a rejection. */
final class CallFileReading {

    static final String REMOVED = "[removed]";

    private final PhoneLayout layout;
    private final String fileName;
    private final ContactSink sink;
    private final int maxLineLength;
    private final int maxFieldLength;
    private final CsvLine fields;
    private final StartTimeReader startTimes;
    private final DialledNumbers dialledNumbers = new DialledNumbers();
    private final StringBuilder key = new StringBuilder();
    private DerivedCallIds derivedCallIds;
    private BoundedLineReader lines;
    private HeaderColumns header;
    private long lineNumber;
    private long accepted;
    private long rejected;

    CallFileReading(PhoneLayout layout, String fileName, ContactSink sink, int maxLineLength, int maxFieldLength) {
        this.layout = layout;
        this.fileName = fileName;
        this.sink = sink;
        this.maxLineLength = maxLineLength;
        this.maxFieldLength = maxFieldLength;
        this.fields = new CsvLine(layout.csv().delimiter(), layout.csv().quote(), maxLineLength);
        this.startTimes = new StartTimeReader(layout.startTimes());
    }

    void read(InputStream in) throws IOException {
        lines = new BoundedLineReader(decoding(in), maxLineLength);
        readHeader();
        while (lines.next()) {
            lineNumber++;
            readLine();
        }
    }

    long lineCount() {
        return lineNumber;
    }

    long acceptedCount() {
        return accepted;
    }

    long rejectedCount() {
        return rejected;
    }

    private InputStreamReader decoding(InputStream in) {
        return new InputStreamReader(
                in,
                layout.csv()
                        .encoding()
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE));
    }

    private void readHeader() throws IOException {
        while (lines.next()) {
            lineNumber++;
            if (lineNumber >= layout.csv().headerLine() && !lines.blank()) {
                checkHeaderLine();
                header = new HeaderColumns(fields, layout, fileName);
                if (header.callIdFrom.length > 0) {
                    derivedCallIds = new DerivedCallIds();
                }
                return;
            }
        }
        throw new UnreadableInputException("File " + fileName + " has no header line; layout " + layout.id()
                + " expects one on line " + layout.csv().headerLine());
    }

    private void checkHeaderLine() {
        if (lines.tooLong() || lines.binary()) {
            throw new UnreadableInputException("File " + fileName + " is not a text call-record file: line "
                    + lineNumber + ", where layout " + layout.id() + " expects the header, "
                    + (lines.tooLong() ? "is longer than " + maxLineLength + " characters" : "holds binary data"));
        }
        if (!fields.split(lines.chars(), lines.length())) {
            throw new UnreadableInputException(
                    "File " + fileName + " has broken quoting in its header on line " + lineNumber);
        }
    }

    private void readLine() {
        if (lines.tooLong()) {
            reject("line is longer than " + maxLineLength + " characters", REMOVED);
        } else if (!lines.blank()) {
            readFields();
        }
    }

    private void readFields() {
        if (!fields.split(lines.chars(), lines.length())) {
            reject("a quoted field is not closed properly (or has text after its closing quote)", REMOVED);
            return;
        }
        if (fields.allEmpty()) {
            return;
        }
        try {
            sink.accept(call());
            accepted++;
        } catch (RowRejected e) {
            reject(e.getMessage(), redactedLine());
        }
    }

    private void reject(String reason, String record) {
        rejected++;
        sink.reject(new Rejection("line " + lineNumber, reason, record));
    }

    private ContactRecord call() {
        checkShape();
        String number = dialledNumber();
        Instant startedAt = startedAt();
        boolean ambiguous = startTimes.ambiguous();
        CallOutcome outcome = outcome();
        Integer wait = duration(header.waitSeconds, "wait");
        Integer talk = duration(header.talkSeconds, "talk");
        return ContactRecord.call(
                number, startedAt, naturalKey(), fileName, lineNumber, ambiguous, outcome, wait, talk);
    }

    private void checkShape() {
        if (lines.binary()) {
            throw new RowRejected("line holds binary data or control characters");
        }
        if (fields.count() != header.count) {
            throw new RowRejected("line has " + fields.count() + " columns where the header has " + header.count);
        }
        for (int i = 0; i < header.count; i++) {
            if (fields.length(i) > maxFieldLength) {
                throw new RowRejected(
                        "column " + header.names[i] + " is longer than " + maxFieldLength + " characters");
            }
        }
    }

    private String dialledNumber() {
        int column = header.dialledNumber;
        String number = dialledNumbers.normalise(required(column, "dialled number"));
        if (number == null) {
            throw new RowRejected("dialled number \"" + fields.text(column) + "\" in column " + header.names[column]
                    + " is not a phone number");
        }
        return number;
    }

    private Instant startedAt() {
        char[] text = fields.values();
        if (header.start != HeaderColumns.ABSENT) {
            int column = header.start;
            required(column, "start time");
            return startTimes.dateTime(
                    text, fields.start(column), fields.end(column), "column " + header.names[column]);
        }
        int date = header.startDate;
        int time = header.startTime;
        required(date, "start date");
        required(time, "start time");
        String columns = "columns " + header.names[date] + " and " + header.names[time];
        return startTimes.dateAndTime(
                text, fields.start(date), fields.end(date), fields.start(time), fields.end(time), columns);
    }

    private CallOutcome outcome() {
        int column = header.outcome;
        CallOutcome outcome = layout.outcomes().lookup(fields.values(), fields.start(column), fields.end(column));
        if (outcome == null) {
            throw new RowRejected(
                    fields.isEmpty(column)
                            ? "no outcome in column " + header.names[column]
                            : "unknown outcome \"" + fields.text(column) + "\" in column " + header.names[column]);
        }
        return outcome;
    }

    private Integer duration(int column, String what) {
        if (column == HeaderColumns.ABSENT || fields.isEmpty(column)) {
            return null;
        }
        int seconds = layout.durations().seconds(fields.values(), fields.start(column), fields.end(column));
        if (seconds < 0) {
            throw new RowRejected(what + " \"" + fields.text(column) + "\" in column " + header.names[column]
                    + " is not a duration in " + layout.durations().key());
        }
        return seconds;
    }

    private String naturalKey() {
        key.setLength(0);
        key.append(layout.id()).append(':');
        int group = header.transferGroup;
        if (group != HeaderColumns.ABSENT && !fields.isEmpty(group)) {
            return key.append(fields.values(), fields.start(group), fields.length(group))
                    .toString();
        }
        if (derivedCallIds != null) {
            return key.append(derivedCallIds.of(fields, header.callIdFrom)).toString();
        }
        int column = header.callId;
        required(column, "call id");
        return key.append(fields.values(), fields.start(column), fields.length(column))
                .toString();
    }

    private String required(int column, String what) {
        if (fields.isEmpty(column)) {
            throw new RowRejected("no " + what + " in column " + header.names[column]);
        }
        return fields.text(column);
    }

    /** The raw line with personal values, and any value whose column is unknown, replaced by [removed]. */
    private String redactedLine() {
        boolean aligned = fields.count() == header.count;
        char[] raw = lines.chars();
        StringBuilder text = new StringBuilder(lines.length());
        for (int i = 0; i < fields.count(); i++) {
            if (i > 0) {
                text.append(layout.csv().delimiter());
            }
            if (aligned && header.shown[i]) {
                appendPrintable(text, raw, fields.rawStart(i), fields.rawEnd(i));
            } else {
                text.append(REMOVED);
            }
        }
        return text.toString();
    }

    private static void appendPrintable(StringBuilder text, char[] raw, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = raw[i];
            boolean control = c < ' ' || (c >= '\u007F' && c <= '\u009F');
            text.append(control ? '?' : c);
        }
    }
}
