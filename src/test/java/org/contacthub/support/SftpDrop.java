package org.contacthub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.contacthub.demo.DemoSftpServer;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A telephony drop for tests: a real SFTP server on loopback serving a temporary folder, and the
 * settings that point the phone route at it.
 */
public final class SftpDrop implements AutoCloseable {

    public static final String USER = "telephony";
    public static final String PASSWORD = "drop-secret";

    private final Path root;
    private final DemoSftpServer server;

    private SftpDrop(Path root, DemoSftpServer server) {
        this.root = root;
        this.server = server;
    }

    public static SftpDrop start() {
        try {
            Path root = Files.createTempDirectory("sftp-drop");
            DemoSftpServer server =
                    DemoSftpServer.start(root, USER, PASSWORD, root.resolveSibling(root.getFileName() + ".key"));
            Files.createDirectories(root.resolve("drop"));
            return new SftpDrop(root, server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points the phone route at this server, polling every second, trusting the given known_hosts file. */
    public void register(DynamicPropertyRegistry registry, Path knownHosts) {
        // Quartz names its scheduler after the Camel context: each test context needs its own.
        registry.add("camel.main.name", () -> "contact-hub-" + server.port());
        registry.add("contacthub.phone.sftp.host", server::host);
        registry.add("contacthub.phone.sftp.port", server::port);
        registry.add("contacthub.phone.sftp.username", () -> USER);
        registry.add("contacthub.phone.sftp.password", () -> PASSWORD);
        registry.add("contacthub.phone.sftp.known-hosts-file", knownHosts::toString);
        registry.add("contacthub.phone.sftp.read-lock", () -> "changed");
        registry.add("contacthub.phone.sftp.read-lock-min-age", () -> "0");
        registry.add("contacthub.phone.sftp.read-lock-check-interval", () -> "100");
        registry.add("contacthub.phone.schedule", () -> "0/1 * * * * ?");
    }

    /** A known_hosts file that trusts this server. */
    public Path trustedKnownHosts() {
        try {
            return server.writeKnownHosts(Files.createTempFile("known_hosts", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public DemoSftpServer server() {
        return server;
    }

    /** Copies a file into the drop under the given name, as the telephony platform would. */
    public void put(Path file, String name) {
        try {
            Path partial = root.resolve("drop").resolve(name + ".part");
            Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, drop(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path drop(String name) {
        return root.resolve("drop").resolve(name);
    }

    public Path archived(String name) {
        return root.resolve("drop").resolve("archive").resolve(name);
    }

    public Path failed(String name) {
        return root.resolve("drop").resolve("error").resolve(name);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
