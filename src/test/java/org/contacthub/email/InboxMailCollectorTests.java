package org.contacthub.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.contacthub.email.TestMailServer.INBOX;
import static org.contacthub.email.TestMailServer.message;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jakarta.mail.Flags;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.contacthub.load.CollectionRuns;
import org.contacthub.load.ContactLoader;
import org.contacthub.load.RunResult;
import org.contacthub.support.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;

class InboxMailCollectorTests {

    private static final String PUBLIC_SENDER = "ann.example@mail.example";

    private TestMailServer server;
    private ImapCommandLog imap;
    private JdbcTemplate jdbc;
    private InboxMailCollector collector;

    @BeforeEach
    void startServers() throws Exception {
        server = new TestMailServer();
        imap = new ImapCommandLog(server.port());
        var database = TestPostgres.newDatabase();
        jdbc = new JdbcTemplate(database.dataSource());
        ContactLoader loader = new ContactLoader(database.dataSource(), new CollectionRuns(database.dataSource()), 50);
        collector = new InboxMailCollector(settings(imap.port()), loader, new FolderCursors(database.dataSource()));
    }

    @AfterEach
    void stopServers() throws Exception {
        imap.close();
        server.close();
    }

    @Test
    void leavesEveryFlagMessageAndUidAsItWas() throws Exception {
        server.append(message("<a1@mail.example>", PUBLIC_SENDER, "Bill query"), Instant.now(), Flags.Flag.SEEN);
        server.append(message("<a2@mail.example>", PUBLIC_SENDER, "Moving house"), Instant.now(), Flags.Flag.FLAGGED);
        server.append(
                message("<a3@mail.example>", PUBLIC_SENDER, "Refund"),
                Instant.now(),
                Flags.Flag.ANSWERED,
                Flags.Flag.SEEN);
        server.append(message("<a4@mail.example>", PUBLIC_SENDER, "Direct debit"));
        Map<Long, Flags> before = server.flagsByUid();

        RunResult result = collectOnce();

        assertThat(result.loaded()).isEqualTo(4);
        assertThat(server.flagsByUid()).isEqualTo(before);
        assertThat(before.get(4L).contains(Flags.Flag.SEEN)).isFalse();
    }

    @Test
    void asksOnlyForUidsDatesAndHeaderFieldsOfAFolderOpenedReadOnly() throws Exception {
        server.append(message("<b1@mail.example>", PUBLIC_SENDER, "Bill query"));
        server.append(message("<b2@mail.example>", PUBLIC_SENDER, "Moving house"));

        collectOnce();

        List<String> commands = imap.commands();
        assertThat(commands).anyMatch(command -> command.contains("EXAMINE INBOX"));
        assertThat(commands).anyMatch(command -> command.contains("BODY.PEEK[HEADER.FIELDS (Message-ID Date"));
        assertThat(String.join("\n", commands).toUpperCase())
                .doesNotContain(" SELECT ", " STORE ", " COPY ", " MOVE ", " EXPUNGE", " APPEND ", " DELETE ")
                .doesNotContain("ENVELOPE", "RFC822", "BODYSTRUCTURE", "BODY[", "BODY.PEEK[]", "BODY.PEEK[TEXT")
                .doesNotContain("SUBJECT", "BODY.PEEK[HEADER]");
    }

    @Test
    void secondPollWithoutNewMailLoadsNothingAndAsksForNoHeaders() throws Exception {
        server.append(message("<c1@mail.example>", PUBLIC_SENDER, "Bill query"));
        server.append(message("<c2@mail.example>", PUBLIC_SENDER, "Moving house"));
        collectOnce();
        imap.clear();

        RunResult second = collectOnce();

        assertThat(second.read()).isZero();
        assertThat(imap.commands()).noneMatch(command -> command.contains("FETCH"));
        assertThat(count("contact_event")).isEqualTo(2);
    }

    @Test
    void nextPollAsksOnlyForTheNewMessage() throws Exception {
        server.append(message("<d1@mail.example>", PUBLIC_SENDER, "Bill query"));
        server.append(message("<d2@mail.example>", PUBLIC_SENDER, "Moving house"));
        collectOnce();
        server.append(message("<d3@mail.example>", PUBLIC_SENDER, "Refund"));
        imap.clear();

        RunResult third = collectOnce();

        assertThat(third.loaded()).isEqualTo(1);
        assertThat(imap.commands())
                .filteredOn(command -> command.contains("HEADER.FIELDS"))
                .singleElement()
                .satisfies(command -> assertThat(command).contains(" FETCH 3 ("));
        assertThat(cursor()).containsEntry("highest_uid", 3L);
    }

    @Test
    void aChangedUidValidityReadsTheFolderAgainWithoutCountingTwice() throws Exception {
        server.append(message("<e1@mail.example>", PUBLIC_SENDER, "Bill query"));
        server.append(message("<e2@mail.example>", PUBLIC_SENDER, "Moving house"));
        collectOnce();
        jdbc.update("update email_folder_cursor set uid_validity = uid_validity - 1");
        server.append(message("<e3@mail.example>", PUBLIC_SENDER, "Refund"));

        RunResult afterChange = collectOnce();

        assertThat(afterChange)
                .extracting(RunResult::read, RunResult::loaded, RunResult::duplicate)
                .containsExactly(3L, 1L, 2L);
        assertThat(count("contact_event")).isEqualTo(3);
        assertThat(cursor()).containsEntry("uid_validity", server.uidValidity());
    }

    @Test
    void flagsAutoRepliesBulkMailBouncesInternalMailAndSpam() throws Exception {
        server.append(message("<f1@mail.example>", PUBLIC_SENDER, "Bill query"));
        server.append(message("<f2@mail.example>", PUBLIC_SENDER, "Out of office", "Auto-Submitted: auto-replied"));
        server.append(message(
                "<f3@lists.example>",
                "news@lists.example",
                "Newsletter",
                "List-Id: <news.lists.example>",
                "List-Unsubscribe: <mailto:leave@lists.example>"));
        server.append(message(
                "<f4@mx.mail.example>",
                "MAILER-DAEMON@mx.mail.example",
                "Undelivered Mail Returned to Sender",
                "Return-Path: <>",
                "Auto-Submitted: auto-replied"));
        server.append(message("<f5@northshire.example>", "colleague@schools.northshire.example", "Fwd: query"));
        server.append(message(
                "<f6@mail.example>", "prize@mail.example", "You have won", "X-MS-Exchange-Organization-SCL: 9"));

        collectOnce();

        assertThat(jdbc.queryForList(
                        "select auto_reply, bulk, bounce, internal, spam from contact_event order by source_line"))
                .extracting(row -> List.copyOf(row.values()))
                .containsExactly(
                        List.of(false, false, false, false, false),
                        List.of(true, false, false, false, false),
                        List.of(false, true, false, false, false),
                        List.of(false, false, true, false, false),
                        List.of(false, false, false, true, false),
                        List.of(false, false, false, false, true));
    }

    @Test
    void rejectsAMalformedMessageAndCountsTheOthers() throws Exception {
        server.append(message("<g1@mail.example>", PUBLIC_SENDER, "Bill query"));
        server.append(message("<g2@mail.example>", "\"Unclosed quote <broken@mail.example>", "Broken"));
        server.append(message("<g3@mail.example>", PUBLIC_SENDER, "Refund"));

        RunResult result = collectOnce();

        assertThat(result)
                .extracting(RunResult::read, RunResult::loaded, RunResult::rejected)
                .containsExactly(3L, 2L, 1L);
        assertThat(jdbc.queryForMap("select location, reason from rejected_record"))
                .containsEntry("location", "folder INBOX uid 2")
                .containsEntry("reason", "The From field is not an address");
        assertThat(cursor()).containsEntry("highest_uid", 3L);
    }

    @Test
    void countsAMessageWithoutMessageIdOnceKeyedOnItsPlace() throws Exception {
        server.append(message(null, PUBLIC_SENDER, "No id"));
        collectOnce();
        jdbc.update("delete from email_folder_cursor");

        RunResult again = collectOnce();

        assertThat(again.duplicate()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select natural_key from contact_event", String.class))
                .startsWith("u:");
    }

    @Test
    void countsOnlyMailReceivedFromTheStartDate() throws Exception {
        server.append(message("<h1@mail.example>", PUBLIC_SENDER, "Old"), Instant.parse("2023-07-31T22:59:00Z"));
        server.append(message("<h2@mail.example>", PUBLIC_SENDER, "New"), Instant.parse("2023-07-31T23:00:00Z"));

        RunResult result = collectOnce();

        assertThat(result.loaded()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select reporting_day::text from contact_event", String.class))
                .isEqualTo("2023-08-01");
    }

    @Test
    void aConnectionLostMidPollKeepsNothingAndLeavesTheCursor() throws Exception {
        server.append(message("<i1@mail.example>", PUBLIC_SENDER, "Bill query"));
        collectOnce();
        server.append(message("<i2@mail.example>", PUBLIC_SENDER, "Refund"));
        imap.cutOn("HEADER.FIELDS");

        List<RunResult> lost = collector.collectAll();

        assertThat(lost).isEmpty();
        assertThat(cursor()).containsEntry("highest_uid", 1L);
        assertThat(jdbc.queryForObject("select status from collection_run order by id desc limit 1", String.class))
                .isEqualTo("failed");
        imap.cutOn(null);
        assertThat(collectOnce().loaded()).isEqualTo(1);
    }

    @Test
    void keepsNoAddressOrSubjectInTheDatabaseOrTheLog() throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        log.start();
        root.addAppender(log);
        server.append(message("<j1@mail.example>", PUBLIC_SENDER, "Arrears for Flat 2"));
        server.append(message("<j2@mail.example>", "\"Unclosed <someone.else@mail.example>", "Broken letter"));
        server.append(message(null, "colleague@northshire.example", "Staff sickness"));

        try {
            collectOnce();
        } finally {
            root.detachAppender(log);
        }

        String everything = databaseText()
                + log.list.stream().map(ILoggingEvent::getFormattedMessage).reduce("", String::concat);
        assertThat(everything)
                .doesNotContain(PUBLIC_SENDER, "someone.else", "colleague@", "mail.example")
                .doesNotContain("Arrears", "Broken letter", "Staff sickness", "j1@", "j2@");
    }

    private RunResult collectOnce() {
        List<RunResult> results = collector.collectAll();
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    private Map<String, Object> cursor() {
        return jdbc.queryForMap("select uid_validity, highest_uid from email_folder_cursor where inbox = ?", INBOX);
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private String databaseText() {
        List<String> tables = jdbc.queryForList(
                "select table_name from information_schema.tables where table_schema = 'public'", String.class);
        StringBuilder text = new StringBuilder();
        for (String table : tables) {
            text.append(jdbc.queryForObject(
                    "select coalesce(string_agg(t::text, ' '), '') from \"" + table + "\" t", String.class));
        }
        return text.toString();
    }

    private static StandardEnvironment settings(int port) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("contacthub.email.hmac-key", "a-test-key-that-is-long-enough-for-hmac");
        properties.put("contacthub.email.host", "127.0.0.1");
        properties.put("contacthub.email.port", port);
        properties.put("contacthub.email.tls", false);
        properties.put("contacthub.email.own-domains", "northshire.example");
        properties.put("contacthub.email.inboxes[0].address", INBOX);
        properties.put("contacthub.email.inboxes[0].password", TestMailServer.PASSWORD);
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("email-test", properties));
        return environment;
    }
}
