package org.contacthub.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.contacthub.demo.DemoCallFiles;
import org.contacthub.load.ContactRecord;
import org.contacthub.load.ContactSink;
import org.contacthub.load.Rejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses a large generated canonical file and reports rows per second and heap in use; run by hand with
 * {@code mvn -o test -Dtest=CallRecordParserBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbenchmark.rows=N}.
 */
class CallRecordParserBenchmark {

    private static final Logger log = LoggerFactory.getLogger(CallRecordParserBenchmark.class);

    @TempDir
    Path folder;

    @Test
    void parsesAtSpeedWithFlatHeap() throws IOException {
        long rows = Long.getLong("benchmark.rows", 2_000_000L);
        Path file = folder.resolve("canonical-benchmark.csv");
        DemoCallFiles.writeCanonical(file, List.of("+441632960001", "+441632960010", "+441632960020"), rows, 1);
        PhoneLayout layout = PhoneLayout.load(Path.of("config/layouts/canonical.yaml"));
        CountingSink sink = new CountingSink();

        long started = System.nanoTime();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            new CallRecordParser().parse(in, file.getFileName().toString(), layout, sink);
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        log.info(
                "Parsed {} rows in {} s: {} rows/s, peak heap seen {} MB",
                sink.accepted,
                String.format("%.2f", seconds),
                Math.round(sink.accepted / seconds),
                sink.peakHeap / (1024 * 1024));
        assertThat(sink.accepted).isEqualTo(rows);
        assertThat(sink.rejected).isZero();
    }

    private static final class CountingSink implements ContactSink {

        long accepted;
        long rejected;
        long peakHeap;

        @Override
        public void accept(ContactRecord contact) {
            if (++accepted % 500_000 == 0) {
                Runtime runtime = Runtime.getRuntime();
                peakHeap = Math.max(peakHeap, runtime.totalMemory() - runtime.freeMemory());
            }
        }

        @Override
        public void reject(Rejection rejection) {
            rejected++;
        }
    }
}
