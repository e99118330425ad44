package org.contacthub.demo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;

/**
 * Writes a group inbox's sample mail for the demo: public enquiries with auto-replies, list mail,
 * delivery reports, internal mail and spam mixed in, and the flags staff would have set. A day's mail
 * depends only on the inbox and the date, so a restart recreates the same messages. Every address is
 * in a .example domain.
 */
final class DemoInboxMail {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE_HEADER = DateTimeFormatter.RFC_1123_DATE_TIME;
    private static final String[] GIVEN = {"ann", "bilal", "chloe", "dev", "erin", "femi", "grace", "hamid", "ivy"};
    private static final String[] FAMILY = {"example", "sample", "placeholder", "tester", "demo"};
    private static final String[] PUBLIC_DOMAINS = {"mail.example", "post.example", "inbox.example"};
    private static final String[] SUBJECTS = {
        "Question about my account",
        "Change of address",
        "Complaint",
        "Request for a call back",
        "Appointment",
        "Missed collection",
        "Payment query",
        "Follow-up to my earlier email",
        "Documents attached"
    };

    /** One sample message: its raw text, when it arrived and the flags a person had set on it. */
    record SampleMessage(String raw, Instant receivedAt, boolean seen, boolean answered, boolean flagged) {}

    private DemoInboxMail() {}

    /** The sample mail of the days up to and including lastDay. */
    static List<SampleMessage> forDays(String inbox, LocalDate lastDay, int days) {
        List<SampleMessage> messages = new ArrayList<>();
        for (int back = days - 1; back >= 0; back--) {
            messages.addAll(forDay(inbox, lastDay.minusDays(back), back));
        }
        return messages;
    }

    private static List<SampleMessage> forDay(String inbox, LocalDate day, int daysAgo) {
        Random random = new Random(Objects.hash(inbox, day));
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        int count = weekend ? random.nextInt(2) : 2 + random.nextInt(5);
        List<SampleMessage> messages = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            ZonedDateTime at = day.atTime(7 + random.nextInt(12), random.nextInt(60), random.nextInt(60))
                    .atZone(LONDON);
            messages.add(message(inbox, at, n, random, daysAgo));
        }
        return messages;
    }

    private static SampleMessage message(String inbox, ZonedDateTime at, int n, Random random, int daysAgo) {
        String id = "<demo-" + inbox.substring(0, inbox.indexOf('@')) + "-" + at.toLocalDate() + "-" + n + "@";
        int kind = random.nextInt(100);
        String headers;
        if (kind < 8) {
            headers = autoReply(id, random);
        } else if (kind < 16) {
            headers = listMail(id);
        } else if (kind < 20) {
            headers = deliveryReport(id);
        } else if (kind < 28) {
            headers = internal(id, random);
        } else if (kind < 30) {
            headers = spam(id);
        } else {
            headers = enquiry(id, random, kind < 33);
        }
        String raw = headers + "To: " + inbox + "\r\nDate: " + DATE_HEADER.format(at)
                + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Sample text of a demo message.\r\n";
        boolean seen = daysAgo > 1 || random.nextBoolean();
        return new SampleMessage(raw, at.toInstant(), seen, seen && random.nextInt(3) == 0, random.nextInt(12) == 0);
    }

    private static String enquiry(String id, Random random, boolean withoutMessageId) {
        String sender = pick(GIVEN, random) + "." + pick(FAMILY, random) + "@" + pick(PUBLIC_DOMAINS, random);
        String messageId = withoutMessageId ? "" : "Message-ID: " + id + "mail.example>\r\n";
        return messageId + "From: " + sender + "\r\nSubject: " + pick(SUBJECTS, random) + "\r\n";
    }

    private static String autoReply(String id, Random random) {
        String sender = pick(GIVEN, random) + "." + pick(FAMILY, random) + "@" + pick(PUBLIC_DOMAINS, random);
        return "Message-ID: " + id + "mail.example>\r\nFrom: " + sender
                + "\r\nSubject: Automatic reply: out of office\r\nAuto-Submitted: auto-replied\r\n";
    }

    private static String listMail(String id) {
        return "Message-ID: " + id + "lists.example>\r\nFrom: bulletin@lists.example\r\n"
                + "Subject: Weekly bulletin\r\nList-Id: <bulletin.lists.example>\r\n"
                + "List-Unsubscribe: <mailto:leave@lists.example>\r\nPrecedence: bulk\r\n";
    }

    private static String deliveryReport(String id) {
        return "Message-ID: " + id + "mx.post.example>\r\nFrom: MAILER-DAEMON@mx.post.example\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\nReturn-Path: <>\r\nAuto-Submitted: auto-replied\r\n";
    }

    private static String internal(String id, Random random) {
        return "Message-ID: " + id + "northshire.example>\r\nFrom: " + pick(GIVEN, random)
                + ".officer@northshire.example\r\nSubject: Passing this enquiry to you\r\n";
    }

    private static String spam(String id) {
        return "Message-ID: " + id + "offers.example>\r\nFrom: winner@offers.example\r\n"
                + "Subject: You have won\r\nX-MS-Exchange-Organization-SCL: 9\r\n";
    }

    private static String pick(String[] values, Random random) {
        return values[random.nextInt(values.length)].toLowerCase(Locale.ROOT);
    }
}
