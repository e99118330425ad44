package org.contacthub.demo;

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
import java.util.Date;
import java.util.List;
import java.util.Properties;

/**
 * An IMAP server on loopback holding the sample group inboxes, each a user whose login is its
 * address; the embedded default's mail server. It keeps its mail in memory only.
 */
final class DemoMailServer implements AutoCloseable {

    static final String LOOPBACK = "127.0.0.1";

    private final GreenMail greenMail;
    private final String password;

    private DemoMailServer(GreenMail greenMail, String password) {
        this.greenMail = greenMail;
        this.password = password;
    }

    /** Starts serving on a free loopback port, every inbox with the same password. */
    static DemoMailServer start(String password) {
        GreenMail greenMail = new GreenMail(new ServerSetup(0, LOOPBACK, ServerSetup.PROTOCOL_IMAP));
        greenMail.start();
        return new DemoMailServer(greenMail, password);
    }

    int port() {
        return greenMail.getImap().getPort();
    }

    String password() {
        return password;
    }

    /** Creates the inbox and puts the messages in it with their arrival times and flags. */
    void fill(String inbox, List<DemoInboxMail.SampleMessage> messages) throws MessagingException, FolderException {
        GreenMailUser user = greenMail.setUser(inbox, inbox, password);
        MailFolder folder = greenMail.getManagers().getImapHostManager().getInbox(user);
        Session session = Session.getInstance(new Properties());
        for (DemoInboxMail.SampleMessage sample : messages) {
            MimeMessage message = new MimeMessage(
                    session, new ByteArrayInputStream(sample.raw().getBytes(StandardCharsets.UTF_8)));
            folder.appendMessage(message, flags(sample), Date.from(sample.receivedAt()));
        }
    }

    private static Flags flags(DemoInboxMail.SampleMessage sample) {
        Flags flags = new Flags();
        if (sample.seen()) {
            flags.add(Flags.Flag.SEEN);
        }
        if (sample.answered()) {
            flags.add(Flags.Flag.ANSWERED);
        }
        if (sample.flagged()) {
            flags.add(Flags.Flag.FLAGGED);
        }
        return flags;
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
