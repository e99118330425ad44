package org.contacthub.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.contacthub.demo.DemoSftpServer;
import org.contacthub.support.SftpDrop;
import org.contacthub.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A drop server whose host key is not the trusted one is never read from, and the refusal is in the run log. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class PhoneHostKeyTests {

    private static final SftpDrop drop = SftpDrop.start();

    @Autowired
    private JdbcTemplate jdbc;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestPostgres.TestDatabase database = TestPostgres.newDatabase();
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::user);
        registry.add("camel.main.routes-include-pattern", () -> "file:routes/phone.yaml");
        drop.register(registry, knownHostsWithAnotherServersKey());
    }

    @AfterAll
    static void stopDrop() throws IOException {
        drop.close();
    }

    @Test
    void readsNoFileFromAServerWithTheWrongHostKeyAndLogsTheFailedRun() {
        drop.put(Path.of("config/layouts/samples/canonical.csv"), "canonical-sample.csv");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from collection_run where status = 'failed'") > 0);

        Map<String, Object> run = jdbc.queryForMap("select * from collection_run order by id limit 1");
        assertThat(run)
                .containsEntry("source", CallFileCollector.SOURCE)
                .containsEntry("source_ref", SftpPollFailures.POLL_REFERENCE)
                .containsEntry("status", "failed");
        assertThat((String) run.get("error")).startsWith("SFTP poll failed").containsIgnoringCase("hostkey");
        assertThat(count("select count(*) from contact_event")).isZero();
        assertThat(drop.drop("canonical-sample.csv")).exists();
    }

    /** A known_hosts line for the drop's address that carries a different server's key. */
    private static Path knownHostsWithAnotherServersKey() {
        try (DemoSftpServer impostor = DemoSftpServer.start(
                Files.createTempDirectory("other"),
                "x",
                "y",
                Files.createTempDirectory("other").resolve("host.key"))) {
            String otherKey = impostor.knownHostsLine()
                    .substring(impostor.knownHostsLine().indexOf(' ') + 1);
            String line = "[" + drop.server().host() + "]:" + drop.server().port() + " " + otherKey + "\n";
            return Files.writeString(Files.createTempFile("known_hosts", ""), line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
