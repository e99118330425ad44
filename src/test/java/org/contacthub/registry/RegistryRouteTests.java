package org.contacthub.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.contacthub.support.HubTestContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The registry route loads the file at start and again when the integration team changes it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class RegistryRouteTests {

    private static final Path folder = copyOfShippedRegistry();

    @Autowired
    private JdbcTemplate jdbc;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        HubTestContext.isolate(registry);
        registry.add("camel.main.routes-include-pattern", () -> "file:routes/registry.yaml");
        registry.add("contacthub.registry.folder", folder::toString);
    }

    @Test
    void loadsTheRegistryAtStartAndReloadsItWhenTheFileChanges() throws IOException {
        await().atMost(Duration.ofSeconds(30)).until(() -> name("+441632960010") != null);
        assertThat(name("+441632960010")).isEqualTo("Council Tax");

        Path file = folder.resolve("contact-points.csv");
        String edited = Files.readString(file).replace(",Council Tax,", ",Council Tax and Business Rates,");
        Files.writeString(file, edited);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(name("+441632960010")).isEqualTo("Council Tax and Business Rates"));
    }

    private String name(String number) {
        return jdbc
                .queryForList(
                        "select name from contact_point where channel = 'phone' and identifier = ? and registered",
                        String.class,
                        number)
                .stream()
                .findFirst()
                .orElse(null);
    }

    private static Path copyOfShippedRegistry() {
        try {
            Path copy = Files.createTempDirectory("registry");
            Files.copy(
                    Path.of("config/registry/contact-points.csv"),
                    copy.resolve("contact-points.csv"),
                    StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
