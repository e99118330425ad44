package org.contacthub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Settings every full-application test needs: a database of its own, a data folder of its own (the
 * embedded default's demo servers write there) and a Camel name of its own, since Quartz names its
 * scheduler after the Camel context and test contexts in one JVM would otherwise share one.
 */
public final class HubTestContext {

    private HubTestContext() {}

    /** Isolates a test context and returns its database. */
    public static TestPostgres.TestDatabase isolate(DynamicPropertyRegistry registry) {
        TestPostgres.TestDatabase database = TestPostgres.newDatabase();
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::user);
        registry.add("camel.main.name", () -> "contact-hub-" + UUID.randomUUID());
        try {
            String dataFolder = Files.createTempDirectory("hub-data").toString();
            registry.add("contacthub.data-folder", () -> dataFolder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return database;
    }
}
