package org.contacthub.email;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.TreeMap;

/** An in-process IMAP server with one group inbox, into which a test puts messages as raw text. */
final class TestMailServer implements AutoCloseable {

    static final String INBOX = "council.tax@northshire.example";
    static final String PASSWORD = "inbox-password-for-tests";

    private final GreenMail greenMail;
    private final GreenMailUser user;

    TestMailServer() {
        greenMail = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
        greenMail.start();
        user = greenMail.setUser(INBOX, INBOX, PASSWORD);
    }

    int port() {
        return greenMail.getImap().getPort();
    }

    /** Puts a message into the inbox as if it had arrived at that time, with flags a person had set. */
    long append(String raw, Instant received, Flags.Flag... flags) throws MessagingException, FolderException {
        MimeMessage message = new MimeMessage(
                Session.getInstance(new java.util.Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
        Flags set = new Flags();
        for (Flags.Flag flag : flags) {
            set.add(flag);
        }
        return inbox().appendMessage(message, set, Date.from(received));
    }

    long append(String raw) throws MessagingException, FolderException {
        return append(raw, Instant.now());
    }

    /** Every message's flags by UID, read from the server's own store rather than over IMAP. */
    Map<Long, Flags> flagsByUid() throws FolderException {
        Map<Long, Flags> flags = new TreeMap<>();
        for (StoredMessage message : inbox().getMessages()) {
            flags.put(message.getUid(), new Flags(message.getFlags()));
        }
        return flags;
    }

    long uidValidity() throws FolderException {
        return inbox().getUidValidity();
    }

    private MailFolder inbox() throws FolderException {
        return greenMail.getManagers().getImapHostManager().getInbox(user);
    }

    /** A plain message in RFC 5322 form; extra header lines come before the blank line. */
    static String message(String messageId, String from, String subject, String... headerLines) {
        StringBuilder text = new StringBuilder();
        if (messageId != null) {
            text.append("Message-ID: ").append(messageId).append("\r\n");
        }
        text.append("From: ").append(from).append("\r\n");
        text.append("To: ").append(INBOX).append("\r\n");
        text.append("Subject: ").append(subject).append("\r\n");
        text.append("Date: Tue, 14 May 2024 09:12:00 +0100\r\n");
        for (String line : headerLines) {
            text.append(line).append("\r\n");
        }
        text.append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n");
        text.append("Please could you tell me when my next council tax instalment is due.\r\n");
        return text.toString();
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
