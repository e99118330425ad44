package org.contacthub.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One large group inbox on an IMAP server on loopback, filled with the same messages whichever server
 * holds them: plain enquiries with auto-replies, list mail and internal mail mixed in, spread over the
 * last year, two in three already read by staff. Every address is in a .example domain.
 */
interface BenchInbox extends AutoCloseable {

    String ADDRESS = "bench.inbox@northshire.example";
    String PASSWORD = "bench-inbox-secret";
    Duration SPREAD = Duration.ofDays(365);

    /** The loopback port the IMAP server listens on. */
    int port();

    /** The server, as the report names it. */
    String server();

    @Override
    void close();

    /**
     * Starts the server {@code kind} names: {@code dovecot}, {@code greenmail}, or {@code auto} for
     * Dovecot when it is installed and GreenMail otherwise. GreenMail answers each FETCH and SEARCH in
     * time that grows with the square of the folder's size, so beyond a few thousand messages it
     * measures itself rather than the hub.
     */
    static BenchInbox start(String kind, int messages) throws Exception {
        Logger log = LoggerFactory.getLogger(BenchInbox.class);
        Path dovecot = DovecotInbox.binary().orElse(null);
        String chosen = kind.toLowerCase(Locale.ROOT);
        if (messages == 0) {
            // Nothing to serve: the hub still needs an inbox to connect to, and GreenMail costs nothing.
            chosen = "greenmail";
        } else if (chosen.equals("auto")) {
            chosen = dovecot != null ? "dovecot" : "greenmail";
        }
        switch (chosen) {
            case "dovecot" -> {
                if (dovecot == null) {
                    throw new IllegalStateException("benchmark.imap=dovecot, but no dovecot binary is installed");
                }
                return DovecotInbox.start(dovecot, messages);
            }
            case "greenmail" -> {
                if (messages > 5_000) {
                    log.warn(
                            "GreenMail answers FETCH and SEARCH in time that grows with the square of the folder;"
                                    + " with {} messages the figures measure GreenMail (install dovecot-imapd)",
                            messages);
                }
                return GreenMailInbox.start(messages);
            }
            default -> throw new IllegalArgumentException("benchmark.imap must be auto, dovecot or greenmail");
        }
    }

    /** When message {@code i} of {@code messages} arrived: evenly over the year up to now. */
    static Instant received(int i, int messages, Instant now) {
        long step = SPREAD.toSeconds() / Math.max(1, messages);
        return now.minus(SPREAD).plusSeconds(i * step);
    }

    /** Whether staff have read message {@code i}; the hub must count read and unread mail alike. */
    static boolean seen(int i) {
        return i % 3 != 0;
    }

    /** Message {@code i} as it would arrive, headers and a short body. */
    static String raw(int i, Instant received) {
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
}
