package org.contacthub.operations;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The telephony drop is healthy when its SFTP server presents the trusted host key, accepts the
 * hub's login and shows the drop folder. Settings are read at each check, since the embedded
 * default only knows its demo server's address once that has started.
 */
@Component("sftpDrop")
class SftpDropHealth implements HealthIndicator {

    private static final int TIMEOUT_MILLIS = 10_000;
    private static final String PREFIX = "contacthub.phone.sftp.";

    private final Environment environment;

    SftpDropHealth(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Health health() {
        String host = setting("host");
        int port = Integer.parseInt(setting("port"));
        try {
            statDrop(connect(host, port));
            return Health.up().withDetail("server", host + ":" + port).build();
        } catch (JSchException | SftpException e) {
            return Health.down()
                    .withDetail("server", host + ":" + port)
                    .withDetail("problem", String.valueOf(e.getMessage()))
                    .build();
        }
    }

    private Session connect(String host, int port) throws JSchException {
        JSch jsch = new JSch();
        jsch.setKnownHosts(setting("known-hosts-file"));
        if (!setting("private-key-file").isBlank()) {
            jsch.addIdentity(setting("private-key-file"));
        }
        Session session = jsch.getSession(setting("username"), host, port);
        session.setPassword(setting("password"));
        // Only the key in the trusted known_hosts file is accepted, as in the route.
        session.setConfig("StrictHostKeyChecking", "yes");
        session.connect(TIMEOUT_MILLIS);
        return session;
    }

    private void statDrop(Session session) throws JSchException, SftpException {
        try {
            ChannelSftp sftp = (ChannelSftp) session.openChannel("sftp");
            sftp.connect(TIMEOUT_MILLIS);
            try {
                sftp.stat(setting("drop-folder"));
            } finally {
                sftp.disconnect();
            }
        } finally {
            session.disconnect();
        }
    }

    private String setting(String name) {
        return environment.getProperty(PREFIX + name, "");
    }
}
