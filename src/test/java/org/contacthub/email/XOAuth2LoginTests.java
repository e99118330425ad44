package org.contacthub.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.contacthub.email.TestMailServer.INBOX;
import static org.contacthub.email.TestMailServer.message;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.contacthub.load.CollectionRuns;
import org.contacthub.load.ContactLoader;
import org.contacthub.load.RunResult;
import org.contacthub.support.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class XOAuth2LoginTests {

    @Test
    void logsInWithATokenFromTheTokenEndpointOverSaslXOAuth2() throws Exception {
        // The test IMAP server accepts an XOAUTH2 token equal to the account's password.
        HttpServer tokenEndpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        tokenEndpoint.createContext("/token", exchange -> {
            byte[] body = ("{\"expires_in\":3599,\"access_token\":\"" + TestMailServer.PASSWORD + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        tokenEndpoint.start();
        try (TestMailServer server = new TestMailServer();
                ImapCommandLog imap = new ImapCommandLog(server.port())) {
            server.append(message("<k1@mail.example>", "ann.example@mail.example", "Bill query"));
            var database = TestPostgres.newDatabase();
            ContactLoader loader =
                    new ContactLoader(database.dataSource(), new CollectionRuns(database.dataSource()), 50);
            String tokenUrl = "http://127.0.0.1:" + tokenEndpoint.getAddress().getPort() + "/token";
            InboxMailCollector collector = new InboxMailCollector(
                    oauth2Settings(imap.port(), tokenUrl), loader, new FolderCursors(database.dataSource()));

            List<RunResult> results = collector.collectAll();

            assertThat(results).singleElement().extracting(RunResult::loaded).isEqualTo(1L);
            assertThat(imap.commands()).anyMatch(command -> command.contains("AUTHENTICATE XOAUTH2"));
            assertThat(imap.commands()).noneMatch(command -> command.contains("LOGIN "));
        } finally {
            tokenEndpoint.stop(0);
        }
    }

    private static StandardEnvironment oauth2Settings(int port, String tokenUrl) {
        Map<String, Object> properties = Map.of(
                "contacthub.email.hmac-key", "a-test-key-that-is-long-enough-for-hmac",
                "contacthub.email.host", "127.0.0.1",
                "contacthub.email.port", port,
                "contacthub.email.tls", false,
                "contacthub.email.auth", "oauth2",
                "contacthub.email.oauth2.client-id", "hub-client",
                "contacthub.email.oauth2.client-secret", "hub-secret",
                "contacthub.email.oauth2.token-url", tokenUrl,
                "contacthub.email.inboxes[0].address", INBOX);
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("oauth2-test", properties));
        return environment;
    }
}
