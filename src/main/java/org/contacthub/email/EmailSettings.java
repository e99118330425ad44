package org.contacthub.email;

import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code contacthub.email} settings. The connection values at this level are the defaults every
 * inbox inherits; an inbox that names its own host, port, TLS or authentication uses those instead.
 *
 * @param startDate the first day a first sync counts, in ISO form
 * @param ownDomains the council's own mail domains; mail from them or their subdomains is internal
 * @param spamHeader the header in which the mail server writes its spam score
 * @param spamThreshold the score at or above which a message counts as spam
 * @param hmacKey the key of the message-key hash; only ever an environment reference in config
 */
record EmailSettings(
        @DefaultValue("2023-08-01") String startDate,
        @DefaultValue List<String> ownDomains,
        @DefaultValue("X-MS-Exchange-Organization-SCL") String spamHeader,
        @DefaultValue("5") double spamThreshold,
        @DefaultValue("") String hmacKey,
        @DefaultValue("") String host,
        @DefaultValue("993") int port,
        @DefaultValue("true") boolean tls,
        @DefaultValue("password") String auth,
        @DefaultValue OAuth2 oauth2,
        @DefaultValue List<Inbox> inboxes) {

    /**
     * One group inbox; blank connection values fall back to the defaults above.
     *
     * @param address the inbox's address, its contact point in the registry
     * @param account the login name; the address when blank
     */
    record Inbox(
            String address,
            String account,
            String password,
            String host,
            Integer port,
            Boolean tls,
            String auth,
            @DefaultValue("INBOX") List<String> folders) {}

    /**
     * Client-credentials settings of an OAuth2 application allowed to read the inboxes.
     *
     * @param tokenUrl the token endpoint, such as Microsoft Entra's for the tenant
     * @param scope the scope asked for, for Exchange Online its IMAP resource's default scope
     */
    record OAuth2(
            @DefaultValue("") String tenant,
            @DefaultValue("") String clientId,
            @DefaultValue("") String clientSecret,
            @DefaultValue("") String tokenUrl,

            @DefaultValue("https://outlook.office365.com/.default")
            String scope) {}
}
