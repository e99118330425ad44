package org.contacthub.bench;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.contacthub.demo.DemoCallFiles;
import org.contacthub.load.LoadObserver;
import org.contacthub.support.SftpDrop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One end-to-end phone load: a canonical drop file is written, the hub is started in a JVM of its own
 * with the phone and registry routes only, the file is dropped on a loopback SFTP server, and the load
 * is timed until the file is archived. Then the same rows are copied back with a bare COPY.
 */
final class PhoneDropLoad {

    private static final Logger log = LoggerFactory.getLogger(PhoneDropLoad.class);
    private static final Path REGISTRY = Path.of("config/registry/contact-points.csv");
    private static final String UNREGISTERED_NUMBER = "01632 960999";
    private static final String LAST_RUN = """
            select started_at, ended_at, status, loaded_count, rejected_count from collection_run
             where source = 'phone' and source_ref = ? order by id desc limit 1""";

    private final BenchSettings settings;
    private final Path work;

    PhoneDropLoad(BenchSettings settings, Path work) {
        this.settings = settings;
        this.work = work;
    }

    PhoneLoadFigures run(long rows) throws IOException, SQLException, InterruptedException {
        BenchDatabase database = BenchDatabase.fresh(settings);
        String name = "canonical-bench-" + rows + ".csv";
        Path file = work.resolve(name);
        log.info("Writing a canonical drop file of {} rows", rows);
        DemoCallFiles.writeCanonical(file, phoneNumbers(), rows, 7L);
        try (SftpDrop drop = SftpDrop.start()) {
            Path results = work.resolve("hub-" + rows + ".properties");
            Process hub = startHub(drop, database, results, drop.archived(name), rows);
            try {
                awaitWhileAlive(hub, Duration.ofMinutes(5), () -> Files.exists(HubUnderLoad.ready(results)));
                drop.put(file, name);
                long droppedAt = System.currentTimeMillis();
                log.info("Dropped {} ({} bytes); waiting for the archive", name, Files.size(file));
                awaitWhileAlive(hub, Duration.ofHours(6), () -> Files.exists(drop.archived(name)));
                long archivedAt = System.currentTimeMillis();
                hub.waitFor(5, TimeUnit.MINUTES);
                return figures(database, rows, file, drop, new long[] {droppedAt, archivedAt}, results);
            } finally {
                hub.destroy();
                Files.deleteIfExists(drop.archived(name));
                Files.deleteIfExists(file);
            }
        }
    }

    private PhoneLoadFigures figures(
            BenchDatabase database, long rows, Path file, SftpDrop drop, long[] droppedAndArchived, Path results)
            throws IOException, SQLException {
        Properties hub = new Properties();
        try (Reader in = Files.newBufferedReader(results)) {
            hub.load(in);
        }
        String name = file.getFileName().toString();
        long fileBytes = Files.size(drop.archived(name));
        try (Connection connection = database.connect();
                PreparedStatement query = connection.prepareStatement(LAST_RUN)) {
            query.setString(1, name);
            try (ResultSet run = query.executeQuery()) {
                run.next();
                if (!"succeeded".equals(run.getString("status"))) {
                    throw new IllegalStateException("The benchmark load did not succeed; see " + work);
                }
                CopyBaseline.Figures baseline = CopyBaseline.measure(database, work);
                return new PhoneLoadFigures(
                        rows,
                        fileBytes,
                        run.getLong("loaded_count"),
                        run.getLong("rejected_count"),
                        droppedAndArchived[0],
                        millis(run, "started_at"),
                        millis(run, "ended_at"),
                        droppedAndArchived[1],
                        steps(hub),
                        heap(hub),
                        baseline);
            }
        }
    }

    private Process startHub(SftpDrop drop, BenchDatabase database, Path results, Path archived, long rows)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + settings.hubHeap(),
                // A hub that runs out of heap stops at once, so the benchmark reports it instead of waiting.
                "-XX:+ExitOnOutOfMemoryError",
                "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                HubUnderLoad.class.getName(),
                results.toString(),
                archived.toString(),
                Long.toString(rows)));
        command.addAll(hubSettings(drop, database));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("hub-" + rows + ".log").toFile());
        // Secrets go through the environment, where the hub's settings read them, not the command line.
        builder.environment().put("CONTACTHUB_DB_PASSWORD", database.password());
        builder.environment().put("CONTACTHUB_SFTP_PASSWORD", SftpDrop.PASSWORD);
        return builder.start();
    }

    private List<String> hubSettings(SftpDrop drop, BenchDatabase database) {
        return List.of(
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--server.port=0",
                "--camel.main.name=contact-hub-bench",
                "--camel.main.routes-include-pattern=file:routes/phone.yaml,file:routes/registry.yaml",
                "--camel.main.routes-reload-enabled=false",
                "--contacthub.data-folder=" + work.resolve("hub-data"),
                "--contacthub.phone.schedule=0/1 * * * * ?",
                "--contacthub.phone.sftp.host=" + drop.server().host(),
                "--contacthub.phone.sftp.port=" + drop.server().port(),
                "--contacthub.phone.sftp.username=" + SftpDrop.USER,
                "--contacthub.phone.sftp.known-hosts-file=" + drop.trustedKnownHosts(),
                "--contacthub.phone.sftp.read-lock=changed",
                "--contacthub.phone.sftp.read-lock-min-age=0",
                "--contacthub.phone.sftp.read-lock-check-interval=100",
                // Hosts for the channels whose routes are not loaded, so no demo server starts beside the hub.
                "--contacthub.email.host=127.0.0.1",
                "--contacthub.webform.base-url=http://127.0.0.1:9");
    }

    private static void awaitWhileAlive(Process hub, Duration limit, BooleanSupplier done) throws InterruptedException {
        await().atMost(limit).pollInterval(Duration.ofMillis(50)).until(() -> done.getAsBoolean() || !hub.isAlive());
        if (!done.getAsBoolean()) {
            throw new IllegalStateException("The hub under load stopped early with exit code " + hub.waitFor());
        }
    }

    /** The registry's phone numbers as written there, and one unregistered number the load must register. */
    private static List<String> phoneNumbers() throws IOException {
        try (Stream<String> lines = Files.lines(REGISTRY)) {
            List<String> numbers = new ArrayList<>(lines.filter(line -> line.startsWith("phone,"))
                    .map(line -> line.split(",")[1])
                    .toList());
            numbers.add(UNREGISTERED_NUMBER);
            return numbers;
        }
    }

    private static Map<LoadObserver.Step, Long> steps(Properties hub) {
        Map<LoadObserver.Step, Long> steps = new EnumMap<>(LoadObserver.Step.class);
        for (LoadObserver.Step step : LoadObserver.Step.values()) {
            steps.put(step, Long.parseLong(hub.getProperty("step." + step)));
        }
        return steps;
    }

    private static PhoneLoadFigures.HeapFigures heap(Properties hub) {
        String tenths = hub.getProperty("heap.after-gc-at-tenths");
        return new PhoneLoadFigures.HeapFigures(
                Long.parseLong(hub.getProperty("heap.max")),
                Long.parseLong(hub.getProperty("heap.peak-in-use")),
                Long.parseLong(hub.getProperty("heap.max-after-gc")),
                Long.parseLong(hub.getProperty("heap.collections")),
                tenths.isEmpty()
                        ? List.of()
                        : Arrays.stream(tenths.split(",")).map(Long::parseLong).toList());
    }

    private static long millis(ResultSet run, String column) throws SQLException {
        return run.getObject(column, OffsetDateTime.class).toInstant().toEpochMilli();
    }
}
