package org.contacthub.email;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;
import org.contacthub.load.ContactLoader;
import org.contacthub.load.ContactSink;
import org.contacthub.load.RunResult;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Collects every configured group inbox, one collection run per inbox per poll, and saves each
 * folder's cursor in the transaction that commits the run's contacts. Named in routes/email.yaml;
 * operations calls its backfill.
 */
@Component("inboxMailCollector")
public class InboxMailCollector {

    static final String SOURCE = "email";

    private static final Logger log = LoggerFactory.getLogger(InboxMailCollector.class);
    private static final ZoneId REPORTING_ZONE = ZoneId.of("Europe/London");

    private final Environment environment;
    private final ContactLoader loader;
    private final FolderCursors cursors;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    private final Map<String, AccessTokenClient> tokenClients = new ConcurrentHashMap<>();

    InboxMailCollector(Environment environment, ContactLoader loader, FolderCursors cursors) {
        this.environment = environment;
        this.loader = loader;
        this.cursors = cursors;
    }

    /**
     * Runs one poll of every inbox in this thread; an inbox that fails is recorded as a failed run and the
     * rest go on. The scheduled route collects each inbox as its own exchange instead, see
     * {@link #collectInbox}.
     */
    public List<RunResult> collectAll() {
        EmailSettings settings = settings();
        FolderReader reader = folderReader(settings, settings.startDate());
        InboxConnector connector = connector(settings);
        return inboxes(settings).stream()
                .flatMap(inbox -> collect(inbox, connector, reader).stream())
                .toList();
    }

    /** The configured inboxes' addresses, in configured order; routes/email.yaml splits a poll over them. */
    public List<String> inboxAddresses() {
        return inboxes(settings()).stream().map(InboxConnection::address).toList();
    }

    /**
     * Polls one configured inbox from its saved cursors as one collection run. A failure is thrown, so that
     * the shared error policy retries it and keeps it as a failed message; a replay calls this again.
     *
     * @param address the inbox's address; only a configured inbox is ever connected to
     * @throws IllegalArgumentException when no configured inbox has this address
     * @throws org.contacthub.load.LoadFailedException when the inbox or the database fails; the cursors stay
     */
    public RunResult collectInbox(String address) {
        EmailSettings settings = settings();
        InboxConnection inbox = inboxes(settings).stream()
                .filter(each -> each.address().equals(address))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No configured inbox has this address"));
        return load(inbox, connector(settings), folderReader(settings, settings.startDate()));
    }

    /**
     * Re-reads every folder of every inbox from a day, without a cursor, each folder as one collection run
     * through the same loader, so mail already stored counts as a duplicate. The saved cursors are neither
     * used nor moved: a backfill from a recent day skips older mail above a cursor, which the next scheduled
     * poll must still read.
     *
     * @param unitsTotal told the number of folders before the first is read
     * @param afterEachFolder told each folder's inbox and name and its run's counts
     * @throws IllegalStateException when an inbox cannot be read; folders before it stay loaded
     */
    public void backfill(LocalDate from, IntConsumer unitsTotal, BiConsumer<String, RunResult> afterEachFolder) {
        EmailSettings settings = settings();
        FolderReader reader = folderReader(settings, from.toString());
        InboxConnector connector = connector(settings);
        List<InboxConnection> inboxes = inboxes(settings);
        unitsTotal.accept(
                inboxes.stream().mapToInt(inbox -> inbox.folders().size()).sum());
        for (InboxConnection inbox : inboxes) {
            backfillInbox(inbox, connector, reader, afterEachFolder);
        }
    }

    /**
     * Logs in to every inbox and opens each of its folders read-only (IMAP EXAMINE), reading no
     * message; for a health check.
     *
     * @return each inbox's address with its problem, or an empty text when it answered
     */
    public Map<String, String> examineAll() {
        EmailSettings settings = settings();
        InboxConnector connector = connector(settings);
        Map<String, String> problems = new LinkedHashMap<>();
        for (InboxConnection inbox : inboxes(settings)) {
            problems.put(inbox.address(), examine(inbox, connector));
        }
        return problems;
    }

    private static String examine(InboxConnection inbox, InboxConnector connector) {
        try (Store store = connector.connect(inbox)) {
            for (String name : inbox.folders()) {
                Folder folder = store.getFolder(name);
                folder.open(Folder.READ_ONLY);
                folder.close(false);
            }
            return "";
        } catch (MessagingException | IOException | RuntimeException e) {
            // Only the exception's kind: a server's message text may quote what it was reading.
            return e.getClass().getSimpleName() + " from " + inbox.host() + ":" + inbox.port();
        }
    }

    private EmailSettings settings() {
        // Bound at each poll rather than at start-up, so the embedded default's demo server settings apply.
        return Binder.get(environment)
                .bind("contacthub.email", Bindable.of(EmailSettings.class))
                .orElseThrow(() -> new IllegalStateException("No contacthub.email settings"));
    }

    private static List<InboxConnection> inboxes(EmailSettings settings) {
        return settings.inboxes().stream()
                .map(inbox -> InboxConnection.of(settings, inbox))
                .toList();
    }

    private InboxConnector connector(EmailSettings settings) {
        return new InboxConnector(inbox -> tokenClient(settings.oauth2()));
    }

    private Optional<RunResult> collect(InboxConnection inbox, InboxConnector connector, FolderReader reader) {
        try {
            return Optional.of(load(inbox, connector, reader));
        } catch (RuntimeException e) {
            log.warn("Inbox {} was not collected this time; its cursors stay at the last commit", inbox.address());
            return Optional.empty();
        }
    }

    private RunResult load(InboxConnection inbox, InboxConnector connector, FolderReader reader) {
        Map<String, FolderCursor> moved = new LinkedHashMap<>();
        return loader.load(
                SOURCE,
                inbox.address(),
                sink -> readInbox(inbox, connector, reader, sink, moved),
                (connection, counts) -> cursors.save(connection, inbox.address(), moved));
    }

    private void backfillInbox(
            InboxConnection inbox,
            InboxConnector connector,
            FolderReader reader,
            BiConsumer<String, RunResult> afterEachFolder) {
        try (Store store = connect(inbox, connector)) {
            for (String folder : inbox.folders()) {
                RunResult result = loader.load(
                        SOURCE, inbox.address() + " backfill", sink -> readWhole(store, folder, inbox, reader, sink));
                afterEachFolder.accept(inbox.address() + " " + folder, result);
            }
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(
                    "Backfill of inbox " + inbox.address() + " failed: "
                            + e.getClass().getSimpleName(),
                    e);
        }
    }

    /** Reads a folder from the reader's start day as a first sync would, leaving its cursor alone. */
    private static void readWhole(
            Store store, String folder, InboxConnection inbox, FolderReader reader, ContactSink sink)
            throws IOException {
        try {
            reader.read((IMAPFolder) store.getFolder(folder), inbox.address(), Optional.empty(), sink);
        } catch (MessagingException e) {
            throw new IOException(
                    "Reading inbox " + inbox.address() + " failed: "
                            + e.getClass().getSimpleName(),
                    e);
        }
    }

    private void readInbox(
            InboxConnection inbox,
            InboxConnector connector,
            FolderReader reader,
            ContactSink sink,
            Map<String, FolderCursor> moved)
            throws IOException {
        try (Store store = connect(inbox, connector)) {
            for (String folder : inbox.folders()) {
                Optional<FolderCursor> previous = cursors.find(inbox.address(), folder);
                FolderCursor next = reader.read((IMAPFolder) store.getFolder(folder), inbox.address(), previous, sink);
                if (previous.isEmpty() || !previous.get().equals(next)) {
                    moved.put(folder, next);
                }
            }
        } catch (MessagingException e) {
            // Only the exception's kind: a server's message text may quote what it was reading.
            throw new IOException(
                    "Reading inbox " + inbox.address() + " failed: "
                            + e.getClass().getSimpleName(),
                    e);
        } catch (SQLException e) {
            throw new IOException("Reading the folder cursors failed: " + e.getMessage(), e);
        }
    }

    private static Store connect(InboxConnection inbox, InboxConnector connector) throws IOException {
        try {
            return connector.connect(inbox);
        } catch (MessagingException e) {
            throw new IOException(
                    "Logging in to inbox " + inbox.address() + " at " + inbox.host() + ":" + inbox.port() + " failed: "
                            + e.getMessage(),
                    e);
        }
    }

    private static FolderReader folderReader(EmailSettings settings, String startDate) {
        Instant countFrom =
                LocalDate.parse(startDate.trim()).atStartOfDay(REPORTING_ZONE).toInstant();
        MailFlagRules rules = new MailFlagRules(settings.ownDomains(), settings.spamHeader(), settings.spamThreshold());
        return new FolderReader(rules, new MessageKeys(settings.hmacKey()), countFrom, settings.spamHeader());
    }

    private AccessTokenClient tokenClient(EmailSettings.OAuth2 oauth2) {
        return tokenClients.computeIfAbsent(
                oauth2.tokenUrl() + "\n" + oauth2.clientId(),
                key -> new AccessTokenClient(
                        http,
                        URI.create(oauth2.tokenUrl()),
                        oauth2.clientId(),
                        oauth2.clientSecret(),
                        oauth2.scope(),
                        Clock.systemUTC()));
    }
}
