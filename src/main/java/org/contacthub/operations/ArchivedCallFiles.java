package org.contacthub.operations;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Vector;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.contacthub.load.LogText;
import org.contacthub.load.RunResult;
import org.contacthub.phone.CallFileCollector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Re-reads call-record files from the SFTP archive folder for a backfill, each through the phone
 * channel's own collector, so rows already loaded count as duplicates. A file's day is the date in
 * its name (yyyy-mm-dd or yyyymmdd) or, failing that, the day it was last modified.
 */
@Component
class ArchivedCallFiles {

    private static final Logger log = LoggerFactory.getLogger(ArchivedCallFiles.class);
    private static final Pattern DATE_IN_NAME = Pattern.compile("(20\\d{2})-?(\\d{2})-?(\\d{2})");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final int TIMEOUT_MILLIS = 10_000;
    private static final String PREFIX = "contacthub.phone.sftp.";

    private final Environment environment;
    private final CallFileCollector collector;

    ArchivedCallFiles(Environment environment, CallFileCollector collector) {
        this.environment = environment;
        this.collector = collector;
    }

    void backfill(LocalDate from, BackfillRun run) {
        Session session = null;
        try {
            session = connect();
            ChannelSftp sftp = (ChannelSftp) session.openChannel("sftp");
            sftp.connect(TIMEOUT_MILLIS);
            String folder = setting("drop-folder") + "/" + setting("archive-folder");
            List<ChannelSftp.LsEntry> files = filesFrom(sftp, folder, from);
            run.total(files.size());
            for (ChannelSftp.LsEntry file : files) {
                reload(sftp, folder, file.getFilename(), run, files.size());
            }
            sftp.disconnect();
        } catch (JSchException | SftpException | IOException e) {
            throw new IllegalStateException("The SFTP archive could not be read: " + e.getMessage(), e);
        } finally {
            if (session != null) {
                session.disconnect();
            }
        }
    }

    private void reload(ChannelSftp sftp, String folder, String name, BackfillRun run, int total)
            throws SftpException, IOException {
        try (InputStream body = sftp.get(folder + "/" + name)) {
            RunResult result = collector.collect(body, name);
            run.unitDone(result, (run.progress().unitsDone() + 1.0) / total);
            log.info(
                    "Backfill of phone: archived file {} ({} of {}) loaded {}, duplicate {}",
                    LogText.safe(name),
                    run.progress().unitsDone(),
                    total,
                    result.loaded(),
                    result.duplicate());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<ChannelSftp.LsEntry> filesFrom(ChannelSftp sftp, String folder, LocalDate from)
            throws SftpException {
        Vector<ChannelSftp.LsEntry> entries = sftp.ls(folder);
        return entries.stream()
                .filter(entry -> entry.getAttrs().isReg())
                .filter(entry -> !day(entry).isBefore(from))
                .sorted(Comparator.comparing(ChannelSftp.LsEntry::getFilename))
                .toList();
    }

    static LocalDate day(ChannelSftp.LsEntry entry) {
        return dayInName(entry.getFilename())
                .orElseGet(() -> Instant.ofEpochSecond(entry.getAttrs().getMTime())
                        .atZone(LONDON)
                        .toLocalDate());
    }

    static Optional<LocalDate> dayInName(String name) {
        Matcher date = DATE_IN_NAME.matcher(name);
        if (!date.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(
                    Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2)), Integer.parseInt(date.group(3))));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    private Session connect() throws JSchException {
        JSch jsch = new JSch();
        jsch.setKnownHosts(setting("known-hosts-file"));
        if (!setting("private-key-file").isBlank()) {
            jsch.addIdentity(setting("private-key-file"));
        }
        Session session = jsch.getSession(setting("username"), setting("host"), Integer.parseInt(setting("port")));
        session.setPassword(setting("password"));
        session.setConfig("StrictHostKeyChecking", "yes");
        session.connect(TIMEOUT_MILLIS);
        return session;
    }

    private String setting(String name) {
        return environment.getProperty(PREFIX + name, "");
    }
}
