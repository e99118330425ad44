package org.contacthub.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.contacthub.ContactHubApplication;
import org.contacthub.demo.DemoCallFiles;
import org.contacthub.support.SftpDrop;
import org.contacthub.support.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A hub killed outright (SIGKILL, no shutdown hook) in the middle of loading a call file commits none of
 * it and acknowledges nothing; the next hub to start loads the whole file once and archives it.
 */
class KilledHubTests {

    private static final String NAME = "canonical-killed-hub.csv";
    private static final long ROWS = 300_000;
    private static final Path REGISTRY = Path.of("config/registry/contact-points.csv");

    // The loader writes a run in one transaction: seen here once it has inserted a chunk of contacts
    // and not yet committed (other transactions, such as the migrations at start-up, do not count).
    private static final String LOADING = """
            select count(*) from pg_stat_activity
             where datname = current_database() and backend_xid is not null
               and query ilike 'insert into contact_event%'""";

    private static final String OPEN_TRANSACTIONS = """
            select count(*) from pg_stat_activity
             where datname = current_database() and backend_xid is not null and pid <> pg_backend_pid()""";

    private static final String RUNS = """
            select status || ':' || coalesce(loaded_count, 0) || ':' || coalesce(error, '')
              from collection_run where source = 'phone' and source_ref = ? order by id""";

    // Kept when the test fails, for the hubs' logs that the failure names.
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path work;

    @Test
    void aHubKilledMidLoadCommitsNothingAndTheNextHubLoadsTheFileOnce() throws Exception {
        TestPostgres.TestDatabase database = TestPostgres.newDatabase();
        JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
        Path file = work.resolve(NAME);
        DemoCallFiles.writeCanonical(file, phoneNumbers(), ROWS, 11L);

        try (SftpDrop drop = SftpDrop.start()) {
            Path knownHosts = drop.trustedKnownHosts();
            drop.put(file, NAME);

            Path firstLog = work.resolve("first-hub.log");
            Process first = startHub(drop, knownHosts, database, firstLog);
            try {
                await().atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> !first.isAlive() || jdbc.queryForObject(LOADING, Long.class) > 0);
                assertThat(first.isAlive())
                        .as("the first hub is loading when it is killed; see %s", firstLog)
                        .isTrue();
                first.destroyForcibly();
                assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            } finally {
                first.destroyForcibly();
            }

            // PostgreSQL rolls back the dead hub's transaction once its connection drops.
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(OPEN_TRANSACTIONS, Long.class) == 0);
            assertThat(contacts(jdbc)).isZero();
            assertThat(drop.drop(NAME)).exists();
            assertThat(drop.archived(NAME)).doesNotExist();
            assertThat(runs(jdbc)).containsExactly("running:0:");

            Path secondLog = work.resolve("second-hub.log");
            Process second = startHub(drop, knownHosts, database, secondLog);
            try {
                await().atMost(Duration.ofMinutes(5))
                        .until(() -> !second.isAlive() || Files.exists(drop.archived(NAME)));
                assertThat(drop.archived(NAME))
                        .as("the second hub archives the file; see %s", secondLog)
                        .exists();
            } finally {
                second.destroy();
                second.waitFor(30, TimeUnit.SECONDS);
                second.destroyForcibly();
            }
        }

        assertThat(contacts(jdbc)).isEqualTo(ROWS);
        // The second hub closes the dead hub's run as interrupted before it opens its own.
        assertThat(runs(jdbc)).hasSize(2);
        assertThat(runs(jdbc).get(0)).startsWith("failed:0:Interrupted: the run never finished");
        assertThat(runs(jdbc).get(1)).isEqualTo("succeeded:" + ROWS + ":");
    }

    private Process startHub(SftpDrop drop, Path knownHosts, TestPostgres.TestDatabase database, Path log)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                ContactHubApplication.class.getName(),
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--server.port=0",
                // Both hubs are one Quartz cluster, as two hubs of one council would be.
                "--camel.main.name=contact-hub-killed-" + drop.server().port(),
                "--camel.main.routes-include-pattern="
                        + "file:routes/phone.yaml,file:routes/registry.yaml,file:routes/errors.yaml",
                "--contacthub.data-folder=" + work.resolve("hub-data"),
                "--contacthub.phone.schedule=0/1 * * * * ?",
                "--contacthub.phone.sftp.host=" + drop.server().host(),
                "--contacthub.phone.sftp.port=" + drop.server().port(),
                "--contacthub.phone.sftp.username=" + SftpDrop.USER,
                "--contacthub.phone.sftp.known-hosts-file=" + knownHosts,
                "--contacthub.phone.sftp.read-lock-min-age=0",
                "--contacthub.phone.sftp.read-lock-check-interval=100",
                // Hosts for the channels whose routes are not loaded, so no demo server starts beside the hub.
                "--contacthub.email.host=127.0.0.1",
                "--contacthub.webform.base-url=http://127.0.0.1:9"));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("CONTACTHUB_SFTP_PASSWORD", SftpDrop.PASSWORD);
        return builder.start();
    }

    private static long contacts(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from contact_event where channel = 'phone'", Long.class);
    }

    private static List<String> runs(JdbcTemplate jdbc) {
        return jdbc.queryForList(RUNS, String.class, NAME);
    }

    /** The registry's phone numbers, so the file's contacts are enriched like a real drop's. */
    private static List<String> phoneNumbers() throws IOException {
        try (Stream<String> lines = Files.lines(REGISTRY)) {
            return lines.filter(line -> line.startsWith("phone,"))
                    .map(line -> line.split(",")[1])
                    .toList();
        }
    }
}
