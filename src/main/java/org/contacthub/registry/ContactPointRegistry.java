package org.contacthub.registry;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.contacthub.load.Channel;
import org.contacthub.load.UnreadableInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the registered rows of contact_point match the registry file, and says which entry described a contact
 * point on a given day.
 */
public class ContactPointRegistry {

    private static final Logger log = LoggerFactory.getLogger(ContactPointRegistry.class);

    private final DataSource dataSource;
    private final Path registryFile;

    public ContactPointRegistry(DataSource dataSource, Path registryFile) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.registryFile = Objects.requireNonNull(registryFile, "registryFile");
    }

    /** Loads the configured registry file; see {@link #load(Path)}. */
    public RegistryLoad load() {
        return load(registryFile);
    }

    /**
     * Loads the file in one transaction and records the load as a collection run. Bad lines are set aside as
     * rejected records and every good line loads.
     *
     * @throws UnreadableInputException when the file as a whole cannot be read; the table is left as it was and
     *     a failed run records the reason
     * @throws IllegalStateException when the database refuses the load; nothing of it is committed
     */
    public RegistryLoad load(Path file) {
        Instant startedAt = Instant.now();
        RegistryFile contents = readOrRecordFailure(file, startedAt);
        RegistryLoad load = store(contents, startedAt);
        logLoad(load);
        return load;
    }

    /**
     * The registered entry for the contact point on that day, written in any spelling the normaliser accepts;
     * empty when nobody has registered it for that day.
     */
    public Optional<ContactPoint> find(Channel channel, String identifier, LocalDate day) {
        Optional<String> normalised = ContactPointIdentifiers.normalise(channel, identifier);
        if (normalised.isEmpty()) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.getConnection()) {
            return RegistryTable.find(connection, channel, normalised.get(), day);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up a " + channel.code() + " contact point", e);
        }
    }

    private static void logLoad(RegistryLoad load) {
        log.info(
                "Registry file {} loaded as run {}: {} lines read, {} entries loaded, {} removed, "
                        + "{} placeholders replaced, {} rejected",
                load.file(),
                load.runId(),
                load.read(),
                load.loaded(),
                load.removed(),
                load.placeholdersReplaced(),
                load.rejected());
        load.problems()
                .forEach(problem -> log.warn(
                        "Registry file {} line {} rejected: {}", load.file(), problem.line(), problem.reason()));
    }

    private RegistryFile readOrRecordFailure(Path file, Instant startedAt) {
        try {
            return RegistryFileReader.read(file);
        } catch (UnreadableInputException e) {
            log.error("Registry left unchanged: {}", e.getMessage());
            recordFailure(RegistryFileReader.fileName(file), startedAt, e);
            throw e;
        }
    }

    private RegistryLoad store(RegistryFile contents, Instant startedAt) {
        try (Connection connection = dataSource.getConnection()) {
            return inTransaction(connection, contents, startedAt);
        } catch (SQLException e) {
            IllegalStateException failure = new IllegalStateException(
                    "Could not store registry file " + contents.name() + ": " + e.getMessage(), e);
            log.error("Registry file {} not stored, the registry is unchanged: {}", contents.name(), e.getMessage());
            recordFailure(contents.name(), startedAt, failure);
            throw failure;
        }
    }

    private static RegistryLoad inTransaction(Connection connection, RegistryFile contents, Instant startedAt)
            throws SQLException {
        connection.setAutoCommit(false);
        try {
            RegistryLoad load = apply(connection, contents, startedAt);
            connection.commit();
            return load;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    private static RegistryLoad apply(Connection connection, RegistryFile contents, Instant startedAt)
            throws SQLException {
        RegistryTable.lock(connection);
        RegistryTable.upsert(connection, contents.entries());
        int removed = RegistryTable.removeUnlisted(connection, contents.entries());
        int replaced = RegistryTable.removeReplacedPlaceholders(connection);

        long runId = RegistryRuns.recordSucceeded(connection, contents, startedAt);
        RegistryRuns.recordProblems(connection, runId, contents);
        return new RegistryLoad(
                runId,
                contents.name(),
                contents.dataLines(),
                contents.entries().size(),
                removed,
                replaced,
                contents.problems());
    }

    private void recordFailure(String fileName, Instant startedAt, RuntimeException failure) {
        try (Connection connection = dataSource.getConnection()) {
            RegistryRuns.recordFailed(connection, fileName, startedAt, failure.getMessage());
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
