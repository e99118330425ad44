package org.contacthub.email;

import java.util.List;
import java.util.Locale;
import org.contacthub.load.Channel;
import org.contacthub.registry.ContactPointIdentifiers;

/**
 * How to reach one inbox, with the defaults already applied.
 *
 * @param address the inbox's normalised address, which is its contact point
 * @param oauth2 true for a token from the OAuth2 client over SASL XOAUTH2, false for a password
 * @param password the password; unused with OAuth2
 */
record InboxConnection(
        String address,
        String host,
        int port,
        boolean tls,
        String account,
        boolean oauth2,
        String password,
        List<String> folders) {

    /** Applies the defaults to one configured inbox; an address that is not one is a setting error. */
    static InboxConnection of(EmailSettings settings, EmailSettings.Inbox inbox) {
        String address = ContactPointIdentifiers.normalise(Channel.EMAIL, inbox.address())
                .orElseThrow(() ->
                        new IllegalArgumentException("An inbox in contacthub.email.inboxes has no valid address"));
        String auth = orDefault(inbox.auth(), settings.auth()).trim().toLowerCase(Locale.ROOT);
        if (!auth.equals("password") && !auth.equals("oauth2")) {
            throw new IllegalArgumentException("Inbox " + address + " has auth " + auth + "; use password or oauth2");
        }
        return new InboxConnection(
                address,
                orDefault(inbox.host(), settings.host()),
                inbox.port() != null ? inbox.port() : settings.port(),
                inbox.tls() != null ? inbox.tls() : settings.tls(),
                orDefault(inbox.account(), address),
                auth.equals("oauth2"),
                inbox.password() == null ? "" : inbox.password(),
                inbox.folders().isEmpty() ? List.of("INBOX") : List.copyOf(inbox.folders()));
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    @Override
    public String toString() {
        return "InboxConnection[" + address + " at " + host + ":" + port + "]";
    }
}
