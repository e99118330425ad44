package org.contacthub.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccessTokenClientTests {

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger issued = new AtomicInteger();
    private volatile int status = 200;
    private HttpServer tokenEndpoint;
    private Instant now = Instant.parse("2024-05-14T09:00:00Z");

    @BeforeEach
    void startTokenEndpoint() throws IOException {
        tokenEndpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        tokenEndpoint.createContext("/tenant-1/oauth2/v2.0/token", exchange -> {
            requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = ("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"token-"
                            + issued.incrementAndGet() + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        tokenEndpoint.start();
    }

    @AfterEach
    void stopTokenEndpoint() {
        tokenEndpoint.stop(0);
    }

    @Test
    void asksWithTheClientCredentialsGrant() throws IOException {
        String token = client().token();

        assertThat(token).isEqualTo("token-1");
        assertThat(requests)
                .singleElement()
                .asString()
                .contains("grant_type=client_credentials")
                .contains("client_id=hub-client")
                .contains("client_secret=s%26cret")
                .contains("scope=https%3A%2F%2Foutlook.office365.com%2F.default");
    }

    @Test
    void keepsTheTokenUntilFiveMinutesBeforeItExpires() throws IOException {
        AccessTokenClient client = client();
        client.token();

        now = now.plus(Duration.ofMinutes(54));
        String stillValid = client.token();
        now = now.plus(Duration.ofMinutes(1));
        String renewed = client.token();

        assertThat(stillValid).isEqualTo("token-1");
        assertThat(renewed).isEqualTo("token-2");
        assertThat(requests).hasSize(2);
    }

    @Test
    void failsWithTheStatusWhenTheEndpointRefuses() {
        status = 401;

        assertThatThrownBy(() -> client().token())
                .isInstanceOf(IOException.class)
                .hasMessage("The token endpoint answered HTTP 401");
    }

    private AccessTokenClient client() {
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        URI url =
                URI.create("http://127.0.0.1:" + tokenEndpoint.getAddress().getPort() + "/tenant-1/oauth2/v2.0/token");
        return new AccessTokenClient(
                HttpClient.newHttpClient(),
                url,
                "hub-client",
                "s&cret",
                "https://outlook.office365.com/.default",
                clock);
    }
}
