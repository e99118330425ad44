package org.contacthub.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.contacthub.load.ContactLoader;
import org.contacthub.load.LoadObserver;
import org.contacthub.support.HubTestContext;
import org.contacthub.support.SftpDrop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Phone files that fail after the shared policy's retries: kept in the error folder, replayed into the drop. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class PhoneFailureTests {

    private static final Path SAMPLE = Path.of("config/layouts/samples/canonical.csv");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final SftpDrop drop = SftpDrop.start();
    private static final Path layouts = copyOfShippedLayouts();

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private ContactLoader loader;

    @Autowired
    private Replays replays;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        HubTestContext.isolate(registry);
        drop.register(registry, drop.trustedKnownHosts());
        registry.add("camel.main.routes-include-pattern", () -> "file:routes/phone.yaml,file:routes/errors.yaml");
        registry.add("contacthub.phone.layouts-folder", layouts::toString);
        registry.add("contacthub.load.chunk-size", () -> "5");
        registry.add("contacthub.failures.redelivery.attempts", () -> "2");
        registry.add("contacthub.failures.redelivery.delay", () -> "10");
    }

    @AfterEach
    void stopFaults() {
        loader.observe(LoadObserver.NONE);
    }

    @AfterAll
    static void stopDrop() throws IOException {
        drop.close();
    }

    @Test
    void keepsAFileNoLayoutMatchesAndLoadsItExactlyOnceWhenReplayedAfterTheLayoutIsAdded() throws IOException {
        drop.put(SAMPLE, "vendorx-calls.csv");

        Map<String, Object> failed = awaitFailedMessage("vendorx-calls.csv");

        assertThat(failed)
                .containsEntry("source", "phone")
                .containsEntry("unit", "file")
                .containsEntry("route_id", "collect-phone-files")
                .containsEntry("entry_point", "direct:replay-phone-file")
                .containsEntry("error_type", "UnreadableInputException")
                .containsEntry("payload", "error/vendorx-calls.csv")
                .containsEntry("status", "failed");
        assertThat(failed.get("run_id")).isNotNull();
        // The route moves the file when the exchange completes, just after the failure is kept.
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(drop.failed("vendorx-calls.csv")));

        addLayoutFor("vendorx");
        ReplayOutcome outcome = replays.replay((Long) failed.get("id"), "support");

        assertThat(outcome.replayed()).isTrue();
        await().atMost(WAIT).until(() -> Files.exists(drop.archived("vendorx-calls.csv")));
        long loaded = count("select count(*) from contact_event where natural_key like 'vendorx:%'");
        assertThat(loaded)
                .isPositive()
                .isEqualTo(count("select coalesce(sum(loaded_count), 0)"
                        + " from collection_run where source_ref = 'vendorx-calls.csv'"));
        assertThat(status(failed)).isEqualTo("replayed");

        assertThatThrownBy(() -> replays.replay((Long) failed.get("id"), "support"))
                .isInstanceOf(FailedMessageRefused.class);
        assertThat(count("select count(*) from contact_event where natural_key like 'vendorx:%'"))
                .isEqualTo(loaded);
    }

    @Test
    void retriesATransientDatabaseFailureAndLoadsTheWholeFileWithoutKeepingIt() {
        AtomicInteger faults = new AtomicInteger(1);
        loader.observe((runId, rowsSoFar) -> {
            if (faults.getAndDecrement() > 0) {
                throw new IllegalStateException("connection reset");
            }
        });

        drop.put(SAMPLE, "canonical-transient.csv");

        await().atMost(WAIT).until(() -> Files.exists(drop.archived("canonical-transient.csv")));
        assertThat(jdbc.queryForMap("select status, read_count from collection_run"
                        + " where source_ref = 'canonical-transient.csv' order by id desc limit 1"))
                .containsEntry("status", "succeeded")
                .containsEntry("read_count", 20L);
        assertThat(count("select count(*) from failed_message where message_key = 'canonical-transient.csv'"))
                .isZero();
    }

    @Test
    void keepsAFileTheDatabaseKeepsRefusingAndReplayingItWhenItWasLoadedAlreadyAddsNothing() {
        drop.put(SAMPLE, "canonical-loaded.csv");
        await().atMost(WAIT).until(() -> Files.exists(drop.archived("canonical-loaded.csv")));
        loader.observe((runId, rowsSoFar) -> {
            throw new IllegalStateException("the database is down");
        });

        drop.put(SAMPLE, "canonical-resent.csv");
        Map<String, Object> failed = awaitFailedMessage("canonical-resent.csv");

        assertThat(failed)
                .containsEntry("error_type", "LoadFailedException")
                .containsEntry("entry_point", "direct:replay-phone-file");
        await().atMost(WAIT).until(() -> Files.exists(drop.failed("canonical-resent.csv")));
        assertThat(count("select count(*) from collection_run where source_ref = 'canonical-resent.csv'"))
                .as("the first try and two redeliveries")
                .isEqualTo(3);

        loader.observe(LoadObserver.NONE);
        long before = count("select count(*) from contact_event");
        replays.replay((Long) failed.get("id"), "support");

        await().atMost(WAIT).until(() -> Files.exists(drop.archived("canonical-resent.csv")));
        assertThat(count("select count(*) from contact_event")).isEqualTo(before);
        assertThat(jdbc.queryForMap("select loaded_count, duplicate_count from collection_run"
                        + " where source_ref = 'canonical-resent.csv' and status = 'succeeded'"))
                .containsEntry("loaded_count", 0L)
                .containsEntry("duplicate_count", 20L);
    }

    private Map<String, Object> awaitFailedMessage(String fileName) {
        await().atMost(WAIT)
                .until(() -> count("select count(*) from failed_message where message_key = '" + fileName + "'") == 1);
        return jdbc.queryForMap("select * from failed_message where message_key = ?", fileName);
    }

    private String status(Map<String, Object> failed) {
        return jdbc.queryForObject("select status from failed_message where id = ?", String.class, failed.get("id"));
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private static void addLayoutFor(String vendor) throws IOException {
        String canonical = Files.readString(layouts.resolve("canonical.yaml"));
        Files.writeString(
                layouts.resolve(vendor + ".yaml"),
                canonical.replace("id: canonical", "id: " + vendor).replace("canonical-*.csv", vendor + "-*.csv"));
    }

    private static Path copyOfShippedLayouts() {
        try {
            Path folder = Files.createTempDirectory("layouts");
            try (var shipped = Files.list(Path.of("config/layouts"))) {
                for (Path layout :
                        shipped.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                    Files.copy(layout, folder.resolve(layout.getFileName()));
                }
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
