package org.contacthub.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.List;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * An SFTP server on loopback serving one folder to one password user; the embedded default's
 * telephony drop, and the real protocol peer of the phone channel's tests.
 */
public final class DemoSftpServer implements AutoCloseable {

    private static final String LOOPBACK = "127.0.0.1";

    private final SshServer server;

    private DemoSftpServer(SshServer server) {
        this.server = server;
    }

    /**
     * Starts serving {@code root} on a free loopback port.
     *
     * @param hostKeyFile where the server's host key is kept; created on first start
     */
    public static DemoSftpServer start(Path root, String user, String password, Path hostKeyFile) throws IOException {
        Files.createDirectories(root);
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost(LOOPBACK);
        server.setPort(0);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(hostKeyFile));
        server.setPasswordAuthenticator((name, secret, session) -> user.equals(name) && password.equals(secret));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(root.toAbsolutePath()));
        server.start();
        return new DemoSftpServer(server);
    }

    public String host() {
        return LOOPBACK;
    }

    public int port() {
        return server.getPort();
    }

    /** The line a client's known_hosts file needs to trust this server and no other. */
    public String knownHostsLine() throws IOException {
        try {
            KeyPair key = server.getKeyPairProvider().loadKeys(null).iterator().next();
            return "[" + LOOPBACK + "]:" + port() + " " + PublicKeyEntry.toString(key.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IOException("Could not read the demo SFTP host key", e);
        }
    }

    /** Writes a known_hosts file that trusts exactly this server. */
    public Path writeKnownHosts(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, knownHostsLine() + "\n", StandardCharsets.US_ASCII);
        return file;
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
