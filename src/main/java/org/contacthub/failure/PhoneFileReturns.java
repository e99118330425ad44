package org.contacthub.failure;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpException;
import org.apache.camel.Header;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The phone replay route's bean: moves a failed call-record file from the drop's error folder back into
 * the drop, where collect-phone-files loads it with the current layouts. The file never leaves the server.
 */
@Component("phoneFileReturns")
public class PhoneFileReturns {

    private static final int TIMEOUT_MILLIS = 30_000;

    private final Environment environment;

    PhoneFileReturns(Environment environment) {
        this.environment = environment;
    }

    /**
     * Returns one file to the drop.
     *
     * @param fileName the file's name in the error folder, as the phone route recorded it
     */
    public void returnToDrop(@Header(Replays.MESSAGE_KEY) String fileName) throws JSchException, SftpException {
        requirePlainName(fileName);
        // Read at each replay: the embedded default's demo server publishes its settings after start-up.
        SftpSettings sftp = SftpSettings.from(environment);
        Session session = connect(sftp);
        try {
            ChannelSftp channel = (ChannelSftp) session.openChannel("sftp");
            channel.connect(TIMEOUT_MILLIS);
            try {
                String drop = sftp.dropFolder();
                channel.rename(drop + "/" + sftp.errorFolder() + "/" + fileName, drop + "/" + fileName);
            } finally {
                channel.disconnect();
            }
        } finally {
            session.disconnect();
        }
    }

    private static Session connect(SftpSettings sftp) throws JSchException {
        JSch jsch = new JSch();
        jsch.setKnownHosts(sftp.knownHostsFile());
        Session session = jsch.getSession(sftp.username(), sftp.host(), sftp.port());
        session.setPassword(sftp.password());
        session.setConfig("StrictHostKeyChecking", "yes");
        session.connect(TIMEOUT_MILLIS);
        return session;
    }

    // The name comes from the database; it may only name a file directly inside the error folder.
    private static void requirePlainName(String fileName) {
        if (fileName == null
                || fileName.isBlank()
                || fileName.contains("/")
                || fileName.contains("\\")
                || fileName.equals("..")
                || fileName.equals(".")) {
            throw new IllegalArgumentException("Not a plain file name in the error folder");
        }
    }

    private record SftpSettings(
            String host,
            int port,
            String username,
            String password,
            String knownHostsFile,
            String dropFolder,
            String errorFolder) {

        static SftpSettings from(Environment environment) {
            return new SftpSettings(
                    environment.getRequiredProperty("contacthub.phone.sftp.host"),
                    environment.getRequiredProperty("contacthub.phone.sftp.port", Integer.class),
                    environment.getRequiredProperty("contacthub.phone.sftp.username"),
                    environment.getProperty("contacthub.phone.sftp.password", ""),
                    environment.getRequiredProperty("contacthub.phone.sftp.known-hosts-file"),
                    environment.getRequiredProperty("contacthub.phone.sftp.drop-folder"),
                    environment.getRequiredProperty("contacthub.phone.sftp.error-folder"));
        }
    }
}
