package org.contacthub.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.util.Properties;
import java.util.function.Function;

/**
 * Logs in to an inbox's IMAP server, with a password or with an OAuth2 access token over SASL
 * XOAUTH2. The session settings keep the client from fetching more than it is asked for.
 */
final class InboxConnector {

    private static final String TIMEOUT_MILLIS = "60000";

    private final Function<InboxConnection, AccessTokenClient> tokenClients;

    /** @param tokenClients the token client of an inbox that logs in with OAuth2 */
    InboxConnector(Function<InboxConnection, AccessTokenClient> tokenClients) {
        this.tokenClients = tokenClients;
    }

    Store connect(InboxConnection inbox) throws MessagingException, IOException {
        Session session = Session.getInstance(properties(inbox));
        Store store = session.getStore("imap");
        String secret = inbox.oauth2() ? tokenClients.apply(inbox).token() : inbox.password();
        store.connect(inbox.host(), inbox.port(), inbox.account(), secret);
        return store;
    }

    static Properties properties(InboxConnection inbox) {
        Properties properties = new Properties();
        properties.setProperty("mail.imap.ssl.enable", Boolean.toString(inbox.tls()));
        properties.setProperty("mail.imap.ssl.checkserveridentity", "true");
        properties.setProperty("mail.imap.connectiontimeout", TIMEOUT_MILLIS);
        properties.setProperty("mail.imap.timeout", TIMEOUT_MILLIS);
        // Whole responses in one go: partial fetches are slow on some servers and we never fetch bodies.
        properties.setProperty("mail.imap.partialfetch", "false");
        properties.setProperty("mail.imap.peek", "true");
        if (inbox.oauth2()) {
            properties.setProperty("mail.imap.auth.mechanisms", "XOAUTH2");
            properties.setProperty("mail.imap.auth.login.disable", "true");
            properties.setProperty("mail.imap.auth.plain.disable", "true");
        }
        return properties;
    }
}
