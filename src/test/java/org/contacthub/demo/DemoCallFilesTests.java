package org.contacthub.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.contacthub.load.ContactRecord;
import org.contacthub.phone.CallRecordParser;
import org.contacthub.phone.CollectingSink;
import org.contacthub.phone.PhoneLayout;
import org.contacthub.phone.PhoneLayoutCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCallFilesTests {

    private static final List<String> NUMBERS = List.of(
            "+441632960001",
            "+441632960010",
            "+441632960020",
            "+441632960030",
            "+441632960040",
            "+441632960050",
            "+441632960060");
    private static final LocalDate LAST_DAY = LocalDate.of(2025, 11, 30);

    private final PhoneLayoutCatalogue catalogue = new PhoneLayoutCatalogue(Path.of("config/layouts"));
    private final CallRecordParser parser = new CallRecordParser();

    @TempDir
    Path drop;

    @Test
    void writesADropThatEveryShippedLayoutParsesWithoutRejections() throws IOException {
        List<Path> files = DemoCallFiles.writeDemoDrop(drop, NUMBERS, LAST_DAY, 21, 42);

        CollectingSink sink = parseAll(files);

        assertThat(files).hasSize(63);
        assertThat(files)
                .extracting(file ->
                        catalogue.layoutFor(file.getFileName().toString()).id())
                .containsOnly("canonical", "contact-centre", "legacy-logger");
        assertThat(sink.rejected).isEmpty();
        assertThat(sink.accepted.stream().map(ContactRecord::contactPoint).collect(Collectors.toSet()))
                .isEqualTo(Set.copyOf(NUMBERS));
        assertThat(sink.everything()).doesNotContain("7700900");
    }

    @Test
    void writesBusyWeekdaysQuietWeekendsAndMostlyAnsweredCalls() throws IOException {
        CollectingSink sink = parseAll(DemoCallFiles.writeDemoDrop(drop, NUMBERS, LAST_DAY, 21, 7));

        long weekday = calls(sink, DayOfWeek.WEDNESDAY);
        long sunday = calls(sink, DayOfWeek.SUNDAY);
        long answered = sink.accepted.stream()
                .filter(call -> call.outcome().equals("answered"))
                .count();
        long distinctKeys =
                sink.accepted.stream().map(ContactRecord::naturalKey).distinct().count();

        assertThat(sunday).isLessThan(weekday / 4);
        assertThat((double) answered / sink.accepted.size()).isBetween(0.70, 0.90);
        assertThat(distinctKeys).isLessThan(sink.accepted.size());
    }

    @Test
    void writesTheSameFilesForTheSameSeed(@TempDir Path again) throws IOException {
        List<Path> first = DemoCallFiles.writeDemoDrop(drop, NUMBERS, LAST_DAY, 3, 99);
        List<Path> second = DemoCallFiles.writeDemoDrop(again, NUMBERS, LAST_DAY, 3, 99);

        for (int i = 0; i < first.size(); i++) {
            assertThat(Files.readAllBytes(second.get(i))).isEqualTo(Files.readAllBytes(first.get(i)));
        }
        assertThat(second).hasSameSizeAs(first);
    }

    @Test
    void writesACanonicalBenchmarkFileOfTheRequestedRows() throws IOException {
        Path file = drop.resolve("canonical-benchmark.csv");

        DemoCallFiles.writeCanonical(file, NUMBERS, 5_000, 1);
        CollectingSink sink = parseAll(List.of(file));

        assertThat(sink.rejected).isEmpty();
        assertThat(sink.accepted).hasSize(5_000);
        assertThat(sink.accepted.stream().map(ContactRecord::naturalKey).distinct())
                .hasSize(5_000);
    }

    private CollectingSink parseAll(List<Path> files) throws IOException {
        CollectingSink sink = new CollectingSink();
        for (Path file : files) {
            PhoneLayout layout = catalogue.layoutFor(drop.relativize(file).toString());
            try (InputStream in = Files.newInputStream(file)) {
                parser.parse(in, file.getFileName().toString(), layout, sink);
            }
        }
        return sink;
    }

    private static long calls(CollectingSink sink, DayOfWeek day) {
        return sink.accepted.stream()
                .filter(call ->
                        call.occurredAt().atZone(ZoneId.of("Europe/London")).getDayOfWeek() == day)
                .count();
    }
}
