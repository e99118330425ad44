package org.contacthub.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes realistic telephony drop files for the demo and the benchmark: daily files in every shipped phone
 * layout, or one large canonical file. Output depends only on the arguments and the seed, and every caller number
 * is in the Ofcom drama range.
 */
public final class DemoCallFiles {

    private static final int BUFFER_CHARS = 1 << 20;
    private static final long BENCHMARK_START_EPOCH_SECOND = 1_736_150_400L;
    private static final String[] OUTCOME_WORDS = {"answered", "abandoned", "voicemail"};

    private DemoCallFiles() {}

    /**
     * Writes one file per shipped layout per day for the days ending with lastDay, named as the layouts expect
     * (such as canonical-2025-11-30.csv). Each number belongs to one layout, as each council line is served by one
     * telephony platform. Returns the files written, in the order written.
     */
    public static List<Path> writeDemoDrop(Path folder, List<String> numbers, LocalDate lastDay, int days, long seed) {
        Random random = new Random(seed);
        Map<DemoLayout, List<String>> numbersByLayout = numbersByLayout(numbers);
        Map<DemoLayout, int[]> volumes = volumes(numbersByLayout, random);
        DemoCallDay callDay = new DemoCallDay(random);
        List<Path> written = new ArrayList<>();
        for (LocalDate day = lastDay.minusDays(days - 1L); !day.isAfter(lastDay); day = day.plusDays(1)) {
            for (Map.Entry<DemoLayout, List<String>> entry : numbersByLayout.entrySet()) {
                List<DemoCall> calls = callDay.calls(day, entry.getValue(), volumes.get(entry.getKey()));
                written.add(writeDay(folder, entry.getKey(), day, calls, random));
            }
        }
        return written;
    }

    /**
     * Writes a canonical-layout file of the given number of rows, streaming, for load benchmarks (up to ten
     * million rows and more without holding them in memory). Call ids are unique within the file.
     */
    public static void writeCanonical(Path file, List<String> numbers, long rows, long seed) {
        Random random = new Random(seed);
        try (Writer out = writer(file, DemoLayout.CANONICAL)) {
            out.write(DemoLayout.CANONICAL.header() + "\n");
            StringBuilder row = new StringBuilder(128);
            long epochSecond = BENCHMARK_START_EPOCH_SECOND;
            for (long i = 1; i <= rows; i++) {
                epochSecond += random.nextInt(3);
                benchmarkRow(row, i, epochSecond, numbers.get((int) (i % numbers.size())), random);
                out.append(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write benchmark file " + file, e);
        }
    }

    private static Map<DemoLayout, List<String>> numbersByLayout(List<String> numbers) {
        Map<DemoLayout, List<String>> byLayout = new EnumMap<>(DemoLayout.class);
        DemoLayout[] layouts = DemoLayout.values();
        for (int i = 0; i < numbers.size(); i++) {
            byLayout.computeIfAbsent(layouts[i % layouts.length], layout -> new ArrayList<>())
                    .add(numbers.get(i));
        }
        return byLayout;
    }

    private static Map<DemoLayout, int[]> volumes(Map<DemoLayout, List<String>> numbersByLayout, Random random) {
        Map<DemoLayout, int[]> volumes = new EnumMap<>(DemoLayout.class);
        numbersByLayout.forEach((layout, numbers) ->
                volumes.put(layout, random.ints(numbers.size(), 30, 140).toArray()));
        return volumes;
    }

    private static Path writeDay(Path folder, DemoLayout layout, LocalDate day, List<DemoCall> calls, Random random) {
        Path file = folder.resolve(layout.fileName(day));
        try (Writer out = writer(file, layout)) {
            out.write(layout.header() + (layout == DemoLayout.CANONICAL ? "\n" : "\r\n"));
            layout.write(out, calls, day, random);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write demo call file " + file, e);
        }
        return file;
    }

    private static Writer writer(Path file, DemoLayout layout) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), layout.charset()), BUFFER_CHARS);
    }

    private static void benchmarkRow(StringBuilder row, long index, long epochSecond, String number, Random random) {
        int wait = random.nextInt(300);
        int outcome = random.nextInt(10) < 8 ? 0 : random.nextInt(2) + 1;
        int talk = outcome == 0 ? 20 + random.nextInt(900) : 0;
        row.setLength(0);
        row.append("B").append(index).append(',');
        appendUtc(row, epochSecond);
        row.append(',').append(number).append(",+447700900");
        appendDigits(row, random.nextInt(1000), 3);
        row.append(",Benchmark,").append(wait).append(',').append(talk).append(',');
        row.append(OUTCOME_WORDS[outcome]).append('\n');
    }

    /** Appends the instant as uuuu-MM-ddTHH:mm:ssZ without a formatter, which would dominate the cost of a row. */
    private static void appendUtc(StringBuilder row, long epochSecond) {
        long day = Math.floorDiv(epochSecond, 86_400L);
        int secondOfDay = (int) Math.floorMod(epochSecond, 86_400L);
        LocalDate date = LocalDate.ofEpochDay(day);
        appendDigits(row, date.getYear(), 4);
        row.append('-');
        appendDigits(row, date.getMonthValue(), 2);
        row.append('-');
        appendDigits(row, date.getDayOfMonth(), 2);
        row.append('T');
        appendDigits(row, secondOfDay / 3600, 2);
        row.append(':');
        appendDigits(row, secondOfDay / 60 % 60, 2);
        row.append(':');
        appendDigits(row, secondOfDay % 60, 2);
        row.append('Z');
    }

    private static void appendDigits(StringBuilder row, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            row.append('0');
        }
        row.append(digits);
    }
}
