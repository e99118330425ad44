package org.contacthub.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What one benchmark run measures, read from system properties so that Maven's {@code -D} options reach it.
 *
 * @param fileRows the sizes of the phone drop files, one end-to-end load each; none when given as 0
 * @param hubHeap the heap the hub under load is given, as a JVM -Xmx value
 * @param history the contacts of generated history the dashboard queries run over; zero skips them
 * @param messages the messages in the benchmark inbox; zero skips the email channel
 * @param imap the IMAP server holding that inbox: auto, dovecot or greenmail
 * @param submissions the submissions the forms API serves; zero skips the webform channel
 * @param querySamples timed runs of each dashboard query, after warm-up runs
 * @param dbUrl a scratch PostgreSQL database to use instead of the embedded one; it is emptied
 */
record BenchSettings(
        List<Long> fileRows,
        String hubHeap,
        long history,
        int messages,
        String imap,
        int submissions,
        int querySamples,
        String dbUrl,
        String dbUser,
        String dbPassword,
        Path resultsFolder) {

    static BenchSettings fromSystemProperties() {
        return new BenchSettings(
                Arrays.stream(System.getProperty("benchmark.rows", "1000000").split(","))
                        .map(String::trim)
                        .map(Long::parseLong)
                        .filter(rows -> rows > 0)
                        .toList(),
                System.getProperty("benchmark.heap", "256m"),
                Long.getLong("benchmark.history", 10_000_000L),
                Integer.getInteger("benchmark.messages", 50_000),
                System.getProperty("benchmark.imap", "auto"),
                Integer.getInteger("benchmark.submissions", 100_000),
                Integer.getInteger("benchmark.samples", 30),
                System.getProperty("benchmark.db.url", ""),
                System.getProperty("benchmark.db.user", "postgres"),
                System.getProperty("benchmark.db.password", ""),
                Path.of(System.getProperty("benchmark.results", "benchmarks/results")));
    }

    boolean embeddedDatabase() {
        return dbUrl.isBlank();
    }
}
