package org.contacthub.bench;

import static org.awaitility.Awaitility.await;

import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benchmark inbox on a real Dovecot (Debian's dovecot-imapd), started as a process of its own with a
 * configuration written for the run: plain login on a loopback port, one maildir, nothing else. Each
 * message is a maildir file whose modification time is its INTERNALDATE. As root, Dovecot's own service
 * users (from the package) run it and own the maildir; otherwise everything runs as the current user.
 */
final class DovecotInbox implements BenchInbox {

    private static final Logger log = LoggerFactory.getLogger(DovecotInbox.class);
    private static final List<Path> KNOWN_PLACES =
            List.of(Path.of("/usr/sbin/dovecot"), Path.of("/usr/local/sbin/dovecot"));

    private final Path binary;
    private final Path folder;
    private final Process process;
    private final int port;
    private final String version;

    private DovecotInbox(Path binary, Path folder, Process process, int port, String version) {
        this.binary = binary;
        this.folder = folder;
        this.process = process;
        this.port = port;
        this.version = version;
    }

    /** The dovecot binary on the PATH or in its usual places, when installed. */
    static Optional<Path> binary() {
        Stream<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .filter(folder -> !folder.isBlank())
                .map(folder -> Path.of(folder, "dovecot"));
        return Stream.concat(onPath, KNOWN_PLACES.stream())
                .filter(Files::isExecutable)
                .findFirst();
    }

    /**
     * Starts Dovecot on a maildir of {@code messages} messages in a folder of its own under the temporary
     * folder, readable by Dovecot's service users; the folder is deleted again on {@link #close}.
     */
    static DovecotInbox start(Path binary, int messages) throws Exception {
        Path folder = Files.createTempDirectory(
                "contact-hub-dovecot",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path mail = folder.resolve("mail");
        Path maildir = mail.resolve(ADDRESS);
        fill(maildir, messages);
        Files.createDirectories(folder.resolve("home"));
        Files.writeString(folder.resolve("passwd"), ADDRESS + ":{PLAIN}" + PASSWORD + "\n");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            handOver(List.of(mail, folder.resolve("home")), "dovecot");
        }
        int port = freePort();
        Path config = folder.resolve("dovecot.conf");
        Files.writeString(config, config(folder, port, root), StandardCharsets.UTF_8);
        String version = run(binary, "--version").trim();
        Process process = new ProcessBuilder(binary.toString(), "-F", "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("dovecot.out").toFile())
                .start();
        DovecotInbox inbox = new DovecotInbox(binary, folder, process, port, version);
        try {
            inbox.awaitListening();
            inbox.index();
        } catch (Exception e) {
            inbox.close();
            throw new IllegalStateException(
                    "Dovecot did not start; see " + folder.resolve("dovecot.log") + ": " + e.getMessage(), e);
        }
        return inbox;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String server() {
        return "Dovecot " + version + " (maildir, its own process)";
    }

    @Override
    public void close() {
        try {
            run(binary, "-c", folder.resolve("dovecot.conf").toString(), "stop");
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            log.warn("Stopping Dovecot did not complete ({}); killing it", e.getMessage());
            process.destroyForcibly();
        }
        delete(folder);
    }

    /** One maildir file per message, read ones flagged S, each dated by its modification time. */
    private static void fill(Path maildir, int messages) throws IOException {
        Path current = Files.createDirectories(maildir.resolve("cur"));
        Files.createDirectories(maildir.resolve("new"));
        Files.createDirectories(maildir.resolve("tmp"));
        Instant now = Instant.now();
        for (int i = 0; i < messages; i++) {
            Instant received = BenchInbox.received(i, messages, now);
            String name = received.getEpochSecond() + ".M" + i + ".bench:2," + (BenchInbox.seen(i) ? "S" : "");
            Path file = current.resolve(name);
            Files.writeString(file, BenchInbox.raw(i, received), StandardCharsets.US_ASCII);
            Files.setLastModifiedTime(file, FileTime.from(received));
        }
    }

    /** Gives the folders to Dovecot's service user: Dovecot never reads mail as root. */
    private static void handOver(List<Path> folders, String user) throws IOException {
        UserPrincipalLookupService lookup = folders.get(0).getFileSystem().getUserPrincipalLookupService();
        UserPrincipal owner = lookup.lookupPrincipalByName(user);
        GroupPrincipal group = lookup.lookupPrincipalByGroupName(user);
        for (Path folder : folders) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : (Iterable<Path>) paths::iterator) {
                    PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
                    view.setOwner(owner);
                    view.setGroup(group);
                }
            }
        }
    }

    private static String config(Path folder, int port, boolean root) throws IOException {
        String mailUser;
        String loginUser;
        String internalUser;
        String internalGroup;
        if (root) {
            mailUser = "uid=dovecot gid=dovecot";
            loginUser = "dovenull";
            internalUser = "dovecot";
            internalGroup = "dovecot";
        } else {
            // Without root every service runs as this user and its group, which Dovecot then never has to change.
            int uid = (Integer) Files.getAttribute(folder, "unix:uid");
            int gid = (Integer) Files.getAttribute(folder, "unix:gid");
            String name = System.getProperty("user.name");
            mailUser = "uid=" + uid + " gid=" + gid;
            loginUser = name;
            internalUser = name;
            internalGroup = Files.readAttributes(folder, PosixFileAttributes.class)
                    .group()
                    .getName();
        }
        return """
                base_dir = %1$s/run
                state_dir = %1$s/state
                log_path = %1$s/dovecot.log
                protocols = imap
                listen = 127.0.0.1
                ssl = no
                disable_plaintext_auth = no
                auth_mechanisms = plain login
                mail_location = maildir:%1$s/mail/%%u
                first_valid_uid = 1
                default_login_user = %3$s
                default_internal_user = %4$s
                default_internal_group = %6$s
                passdb {
                  driver = passwd-file
                  args = scheme=PLAIN username_format=%%u %1$s/passwd
                }
                userdb {
                  driver = static
                  args = %2$s home=%1$s/home/%%u
                }
                service anvil {
                  chroot =
                }
                service imap-login {
                  chroot =
                  inet_listener imap {
                    address = 127.0.0.1
                    port = %5$d
                  }
                  inet_listener imaps {
                    port = 0
                  }
                }
                """.formatted(folder.toAbsolutePath(), mailUser, loginUser, internalUser, port, internalGroup);
    }

    private void awaitListening() {
        await("Dovecot listening on port " + port)
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(this::listening);
    }

    private boolean listening() throws IOException {
        if (!process.isAlive()) {
            throw new IOException("dovecot exited with " + process.exitValue());
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Opens the folder once, read-only, before anything is timed: Dovecot builds its index of a maildir
     * it has never seen, which a server that has been holding the inbox for a year has long done.
     */
    private void index() throws Exception {
        long start = System.nanoTime();
        Properties properties = new Properties();
        properties.setProperty("mail.imap.timeout", "300000");
        try (Store store = Session.getInstance(properties).getStore("imap")) {
            store.connect("127.0.0.1", port, ADDRESS, PASSWORD);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            int count = inbox.getMessageCount();
            inbox.close(false);
            log.info("Dovecot indexed {} messages in {} ms", count, (System.nanoTime() - start) / 1_000_000);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", folder, e.getMessage());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String run(Path binary, String... arguments) throws IOException {
        List<String> command = Stream.concat(Stream.of(binary.toString()), Stream.of(arguments))
                .toList();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output.trim());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(String.join(" ", command) + " was interrupted", e);
        }
        return output;
    }
}
