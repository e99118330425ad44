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
import java.time.Instant;
import java.util.Date;
import java.util.Properties;

/**
 * The benchmark inbox on GreenMail in this JVM: needs nothing installed, but slows down with the square of
 * its size.
 */
final class GreenMailInbox implements BenchInbox {

    private final GreenMail greenMail;

    private GreenMailInbox(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    static GreenMailInbox start(int messages) throws MessagingException, FolderException {
        GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        greenMail.start();
        GreenMailUser user = greenMail.setUser(ADDRESS, ADDRESS, PASSWORD);
        MailFolder inbox = greenMail.getManagers().getImapHostManager().getInbox(user);
        Session session = Session.getInstance(new Properties());
        Instant now = Instant.now();
        for (int i = 0; i < messages; i++) {
            Instant received = BenchInbox.received(i, messages, now);
            MimeMessage message = new MimeMessage(
                    session,
                    new ByteArrayInputStream(BenchInbox.raw(i, received).getBytes(StandardCharsets.UTF_8)));
            Flags flags = BenchInbox.seen(i) ? new Flags(Flags.Flag.SEEN) : new Flags();
            inbox.appendMessage(message, flags, Date.from(received));
        }
        return new GreenMailInbox(greenMail);
    }

    @Override
    public int port() {
        return greenMail.getImap().getPort();
    }

    @Override
    public String server() {
        return "GreenMail " + GreenMail.class.getPackage().getImplementationVersion() + " (in process)";
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
