package org.contacthub.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.contacthub.demo.DemoCallFiles;
import org.contacthub.load.ContactLoader;
import org.contacthub.load.LoadObserver;
import org.contacthub.support.SftpDrop;
import org.contacthub.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** PostgreSQL stops in the middle of a file: the file stays, and once the database is back it loads exactly once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class PhoneDatabaseOutageTests {

    private static final int ROWS = 2_000;
    private static final SftpDrop drop = SftpDrop.start();
    private static final Path dataDirectory = temporaryFolder();
    private static EmbeddedPostgres postgres = startPostgres(0);

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private ContactLoader loader;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.hikari.connection-timeout", () -> "2000");
        registry.add("contacthub.load.chunk-size", () -> "250");
        registry.add("camel.main.routes-include-pattern", () -> "file:routes/phone.yaml");
        drop.register(registry, drop.trustedKnownHosts());
    }

    @AfterAll
    static void stopServers() throws IOException {
        drop.close();
        // The context stays cached until the JVM exits and must close while its database still answers.
        TestPostgres.stopAtExit(postgres);
    }

    @Test
    void leavesTheFileInTheDropWhenTheDatabaseStopsMidFileAndLoadsItOnceWhenItIsBack() throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        loader.observe((runId, rowsSoFar) -> stopDatabaseOnce(stopped));
        Path file = Files.createTempFile("canonical", ".csv");
        DemoCallFiles.writeCanonical(file, List.of("+441632960001", "+441632960010"), ROWS, 7L);
        drop.put(file, "canonical-outage.csv");
        Files.delete(file);
        assertThat(stopped.await(30, TimeUnit.SECONDS)).isTrue();

        assertThat(drop.drop("canonical-outage.csv")).exists();
        assertThat(drop.archived("canonical-outage.csv")).doesNotExist();

        loader.observe(LoadObserver.NONE);
        postgres = startPostgres(postgres.getPort());
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(drop.archived("canonical-outage.csv")));

        assertThat(jdbc.queryForObject("select count(*) from contact_event", Long.class))
                .isEqualTo(ROWS);
        List<Map<String, Object>> runs = jdbc.queryForList("select status, loaded_count from collection_run"
                + " where source_ref = 'canonical-outage.csv' order by id");
        assertThat(runs).first().extracting(run -> run.get("status")).isEqualTo("failed");
        assertThat(runs).last().isEqualTo(Map.of("status", "succeeded", "loaded_count", (long) ROWS));
    }

    private static void stopDatabaseOnce(CountDownLatch stopped) {
        if (stopped.getCount() == 0) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        stopped.countDown();
    }

    private static EmbeddedPostgres startPostgres(int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false);
            return (port == 0 ? builder : builder.setPort(port)).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("outage-postgres");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
