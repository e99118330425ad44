package org.contacthub.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.contacthub.load.LoadObserver;

/**
 * Writes one benchmark run's figures as Markdown under the results folder, named by date and core
 * count, each figure beside its aim and, for the load, beside the same-run COPY baseline.
 */
final class BenchReport {

    private static final double MB = 1024 * 1024;

    private final BenchSettings settings;
    private final double loadAtStart = loadAverage();
    private final LocalDateTime startedAt = LocalDateTime.now();
    private final List<PhoneLoadFigures> loads = new ArrayList<>();
    private ChannelFigures channels = new ChannelFigures();
    private String postgres = "unknown";

    BenchReport(BenchSettings settings) {
        this.settings = settings;
    }

    void add(PhoneLoadFigures load) {
        loads.add(load);
    }

    void channels(ChannelFigures figures) {
        channels = figures;
    }

    void postgresFrom(BenchDatabase database) throws SQLException {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet version = statement.executeQuery("show server_version")) {
            version.next();
            postgres = version.getString(1);
        }
    }

    Path write() throws IOException {
        int cores = Runtime.getRuntime().availableProcessors();
        Files.createDirectories(settings.resultsFolder());
        String name = LocalDate.now() + "-" + cores + "cores";
        Path file = settings.resultsFolder().resolve(name + ".md");
        for (int run = 2; Files.exists(file); run++) {
            file = settings.resultsFolder().resolve(name + "-" + run + ".md");
        }
        Files.writeString(file, markdown(cores));
        return file;
    }

    String markdown(int cores) {
        StringBuilder out = new StringBuilder();
        header(out, cores);
        loads(out);
        breakdown(out);
        heap(out);
        dashboard(out);
        mail(out);
        forms(out);
        failures(out);
        return out.toString();
    }

    private void header(StringBuilder out, int cores) {
        long minutes = Duration.between(startedAt, LocalDateTime.now()).toMinutes();
        out.append("# Benchmark run of ")
                .append(startedAt.truncatedTo(ChronoUnit.MINUTES))
                .append(", ")
                .append(minutes < 1 ? "under a minute" : minutes == 1 ? "1 minute" : minutes + " minutes")
                .append(" in all\n\n")
                .append(cores)
                .append(" cores (")
                .append(System.getProperty("os.arch"))
                .append("), Java ")
                .append(Runtime.version())
                .append(", PostgreSQL ")
                .append(postgres)
                .append(settings.embeddedDatabase() ? " (embedded)" : " (given)")
                .append(", hub heap -Xmx")
                .append(settings.hubHeap())
                .append(".\nSystem load average (1 min) ")
                .append(String.format(Locale.ROOT, "%.1f", loadAtStart))
                .append(" when the run started and ")
                .append(String.format(Locale.ROOT, "%.1f", loadAverage()))
                .append(" when it ended. Developers' machines are shared: read the figures as ratios against")
                .append(" the same-run baseline, not as promises.\n\n")
                .append("```\nmvn -Pbenchmark test -Dbenchmark.rows=")
                .append(
                        settings.fileRows().isEmpty()
                                ? "0"
                                : settings.fileRows().stream()
                                        .map(String::valueOf)
                                        .collect(Collectors.joining(",")))
                .append(" -Dbenchmark.history=")
                .append(settings.history())
                .append(" -Dbenchmark.messages=")
                .append(settings.messages())
                .append(" -Dbenchmark.submissions=")
                .append(settings.submissions())
                .append("\n```\n");
    }

    private void loads(StringBuilder out) {
        if (loads.isEmpty()) {
            return;
        }
        out.append("\n## Phone drop, end to end (aim: at least 60% of COPY)\n\n")
                .append("| rows | file | loaded | end to end | hub rows/s | COPY rows/s | hub / COPY |\n")
                .append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (PhoneLoadFigures load : loads) {
            out.append(row(
                    count(load.fileRows()),
                    format("%.0f MB", load.fileBytes() / MB),
                    count(load.loaded()),
                    seconds(load.endToEndSeconds()),
                    count(Math.round(load.hubRowsPerSecond())),
                    count(Math.round(load.baseline().rowsPerSecond())),
                    format("%.0f%%", 100 * load.ratioToCopy())));
        }
        out.append("\nEnd to end is from the file appearing, complete, in the SFTP drop to the file being in")
                .append(" `archive/`: Quartz poll (every second), SFTP read lock, streamed download, parse, map,")
                .append(" load, commit, move. COPY is pgjdbc's CopyManager copying the same rows, exported from")
                .append(" `contact_event` in its own shape, back into the emptied table.\n");
    }

    private void breakdown(StringBuilder out) {
        if (loads.isEmpty()) {
            return;
        }
        out.append("\n## Where the hub's time goes (seconds)\n\n")
                .append("| rows | pickup | read + parse + map | enrich | copy to staging | insert | commit |")
                .append(" archive |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (PhoneLoadFigures load : loads) {
            out.append(row(
                    count(load.fileRows()),
                    seconds(load.pickupSeconds()),
                    seconds(load.parseAndMapSeconds()),
                    seconds(load.stepSeconds(LoadObserver.Step.REGISTER_UNKNOWN_POINTS)),
                    seconds(load.stepSeconds(LoadObserver.Step.COPY_TO_STAGING)),
                    seconds(load.stepSeconds(LoadObserver.Step.INSERT_EVENTS)),
                    seconds(load.stepSeconds(LoadObserver.Step.COMMIT)),
                    seconds(load.archiveSeconds())));
        }
        out.append("\nPickup: drop to the run opening: the poll interval, the read lock and the download, which")
                .append(" Camel's stream cache spools to a local file so that a retry can read it again. Read + parse")
                .append(" + map: the rest of the run outside the database, rows encoded for COPY included.")
                .append(" Enrich: registering unknown contact points per chunk (the registry is joined at query")
                .append(" time). Insert: insert-select from staging with conflicts ignored.")
                .append(" Archive: commit to the file seen in `archive/`.\n");
    }

    private void heap(StringBuilder out) {
        if (loads.isEmpty()) {
            return;
        }
        out.append("\n## Hub heap during the load (aim: under 256 MB whatever the file's size)\n\n")
                .append("| rows | max heap | peak in use, garbage included | most live after a GC | collections |")
                .append(" live after GC at each tenth of the file (MB) |\n")
                .append("| ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (PhoneLoadFigures load : loads) {
            PhoneLoadFigures.HeapFigures heap = load.heap();
            out.append(row(
                    count(load.fileRows()),
                    megabytes(heap.max()),
                    megabytes(heap.peakInUse()),
                    megabytes(heap.maxAfterGc()),
                    count(heap.collections()),
                    heap.afterGcAtTenths().stream()
                            .map(bytes -> format("%.0f", bytes / MB))
                            .collect(Collectors.joining(" "))));
        }
        out.append("\nThe hub runs in a JVM of its own started with -Xmx")
                .append(settings.hubHeap())
                .append("; figures cover the load only (peaks are reset when the hub is up).\n");
    }

    private void dashboard(StringBuilder out) {
        if (channels.dashboard == null) {
            return;
        }
        ChannelFigures.Dashboard dashboard = channels.dashboard;
        out.append("\n## Dashboard queries over ")
                .append(count(dashboard.history()))
                .append(" contacts (aim: p95 under 300 ms)\n\n")
                .append("| query | runs | median | p95 | max | p95 beyond the floor's median |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
        double floor = dashboard.queries().stream()
                .filter(timing -> timing.query().startsWith("floor"))
                .mapToDouble(QueryTimings.Timing::medianMillis)
                .findFirst()
                .orElse(0);
        for (QueryTimings.Timing timing : dashboard.queries()) {
            out.append(row(
                    timing.query(),
                    count(timing.samples()),
                    millis(timing.medianMillis()),
                    millis(timing.p95Millis()),
                    millis(timing.maxMillis()),
                    millis(timing.p95Millis() - floor)));
        }
        out.append("\nHistory generated in PostgreSQL in ")
                .append(seconds(dashboard.generateSeconds()))
                .append(" s, three years up to today over the registry's contact points (any aggregate")
                .append(" the schema keeps by trigger is filled as it goes). Each query is timed through the")
                .append(" reporting API over loopback as the demo viewer (HTTP Basic, checked on every request),")
                .append(" after three warm-up runs; the floor line is that cost with no query at all.\n");
    }

    private void mail(StringBuilder out) {
        if (channels.mail == null) {
            return;
        }
        ChannelFigures.Mail mail = channels.mail;
        out.append("\n## Email: one inbox of ")
                .append(count(mail.messages()))
                .append(" messages (aim: no-change poll under 2 s)\n\n")
                .append("| poll | time | bytes from the IMAP server | contacts loaded |\n")
                .append("| --- | ---: | ---: | ---: |\n")
                .append(row(
                        "first sync",
                        seconds(mail.firstSyncSeconds()) + " s",
                        count(mail.firstSyncBytes()),
                        count(mail.loaded())))
                .append(row("no change", seconds(mail.noChangeSeconds()) + " s", count(mail.noChangeBytes()), "0"))
                .append("\n")
                .append(mail.server())
                .append(" on loopback, behind a relay that counts bytes; login and folder opening are included.\n");
    }

    private void forms(StringBuilder out) {
        if (channels.forms == null) {
            return;
        }
        ChannelFigures.Forms forms = channels.forms;
        out.append("\n## Webforms: paging through ")
                .append(count(forms.submissions()))
                .append(" submissions\n\n| pages | loaded | skipped (tests, drafts) | time | submissions/s |\n")
                .append("| ---: | ---: | ---: | ---: | ---: |\n")
                .append(row(
                        count(forms.pages()),
                        count(forms.loaded()),
                        count(forms.skipped()),
                        seconds(forms.seconds()) + " s",
                        count(Math.round(forms.submissions() / forms.seconds()))))
                .append("\nAn in-process HTTP server answering the submissions contract on loopback; each page")
                .append(" is one collection run committed with its cursor.\n");
    }

    private void failures(StringBuilder out) {
        if (channels.failures.isEmpty()) {
            return;
        }
        out.append("\n## Measurements that failed\n\n");
        channels.failures.forEach(failure -> out.append("- ").append(failure).append('\n'));
    }

    private static String row(Object... cells) {
        return Stream.of(cells).map(String::valueOf).collect(Collectors.joining(" | ", "| ", " |\n"));
    }

    private static String count(long value) {
        return format("%,d", value);
    }

    private static String seconds(double value) {
        return format("%.1f", value);
    }

    private static String millis(double value) {
        return format("%.0f ms", value);
    }

    private static String megabytes(long bytes) {
        return format("%.0f MB", bytes / MB);
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }

    /** The operating system's one-minute load average, or -1 where it cannot tell. */
    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
