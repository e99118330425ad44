package org.contacthub.bench;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Properties;

/**
 * One large group inbox on an in-process IMAP server (GreenMail) on loopback: plain enquiries with
 * auto-replies, list mail and internal mail mixed in, spread over the last year. Every address is in
 * a .example domain.
 */
final class BenchInbox implements AutoCloseable {

    static final String ADDRESS = "bench.inbox@northshire.example";
    static final String PASSWORD = "bench-inbox-secret";

    private static final Duration SPREAD = Duration.ofDays(365);

    private final GreenMail greenMail;

    private BenchInbox(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    static BenchInbox start(int messages) throws MessagingException, FolderException {
        GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        greenMail.start();
        GreenMailUser user = greenMail.setUser(ADDRESS, ADDRESS, PASSWORD);
        MailFolder inbox = greenMail.getManagers().getImapHostManager().getInbox(user);
        Session session = Session.getInstance(new Properties());
        Instant first = Instant.now().minus(SPREAD);
        long step = SPREAD.toSeconds() / Math.max(1, messages);
        for (int i = 0; i < messages; i++) {
            Instant received = first.plusSeconds(i * step);
            MimeMessage message = new MimeMessage(
                    session, new ByteArrayInputStream(raw(i, received).getBytes(StandardCharsets.UTF_8)));
            inbox.appendMessage(message, flags(i), Date.from(received));
        }
        return new BenchInbox(greenMail);
    }

    int port() {
        return greenMail.getImap().getPort();
    }

    private static String raw(int i, Instant received) {
        String kind = switch (i % 10) {
            case 0 -> "From: office.sample@mail.example\r\nAuto-Submitted: auto-replied\r\n";
            case 1 -> "From: bulletin@lists.example\r\nList-Id: <bulletin.lists.example>\r\nPrecedence: bulk\r\n";
            case 2 -> "From: an.officer@northshire.example\r\n";
            default -> "From: resident" + i % 97 + "@mail.example\r\n";
        };
        return "Message-ID: <bench-" + i + "@mail.example>\r\n" + kind
                + "To: " + ADDRESS + "\r\nSubject: Benchmark enquiry\r\nDate: "
                + DateTimeFormatter.RFC_1123_DATE_TIME.format(received.atOffset(ZoneOffset.UTC))
                + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Sample text of a benchmark message.\r\n";
    }

    private static Flags flags(int i) {
        Flags flags = new Flags();
        if (i % 3 != 0) {
            flags.add(Flags.Flag.SEEN);
        }
        return flags;
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
