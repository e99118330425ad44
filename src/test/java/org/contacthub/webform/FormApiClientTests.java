package org.contacthub.webform;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FormApiClientTests {

    private static final String BODY = "{\"items\":[],\"hasMore\":false}";

    private final WireMockServer server =
            new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private final List<Duration> pauses = new ArrayList<>();

    @BeforeEach
    void startServer() {
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    @Test
    void waitsAsLongAsRetryAfterSaysOnTooManyRequests() {
        failFirst(aResponse().withStatus(429).withHeader("Retry-After", "7"));

        String body = client(WebformFixtures.http(3, Duration.ofSeconds(5))).get(submissions());

        assertThat(body).isEqualTo(BODY);
        assertThat(pauses).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void triesAgainAfterServiceUnavailableWithinTheBackoff() {
        failFirst(aResponse().withStatus(503));

        String body = client(WebformFixtures.http(3, Duration.ofSeconds(5))).get(submissions());

        assertThat(body).isEqualTo(BODY);
        assertThat(pauses).hasSize(1).allSatisfy(wait -> assertThat(wait).isLessThanOrEqualTo(Duration.ofMillis(1)));
        server.verify(2, getRequestedFor(urlPathEqualTo("/submissions")));
    }

    @Test
    void triesAgainWhenTheApiDoesNotAnswerInTime() {
        failFirst(aResponse().withStatus(200).withBody(BODY).withFixedDelay(3_000));

        String body = client(WebformFixtures.http(3, Duration.ofMillis(200))).get(submissions());

        assertThat(body).isEqualTo(BODY);
        assertThat(pauses).hasSize(1);
    }

    @Test
    void failsAtOnceWhenTheCredentialsAreRefused() {
        server.stubFor(
                get(urlPathEqualTo("/submissions")).willReturn(aResponse().withStatus(401)));
        FormApiClient client = client(WebformFixtures.http(5, Duration.ofSeconds(5)));

        assertThatThrownBy(() -> client.get(submissions()))
                .isInstanceOfSatisfying(
                        FormApiFailure.class, e -> assertThat(e.needsPerson()).isTrue())
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("contacthub.webform.auth");

        server.verify(1, getRequestedFor(urlPathEqualTo("/submissions")));
        assertThat(pauses).isEmpty();
    }

    @Test
    void givesUpAfterTheLastTryWithTheLastReason() {
        server.stubFor(
                get(urlPathEqualTo("/submissions")).willReturn(aResponse().withStatus(502)));
        FormApiClient client = client(WebformFixtures.http(3, Duration.ofSeconds(5)));

        assertThatThrownBy(() -> client.get(submissions()))
                .isInstanceOfSatisfying(
                        FormApiFailure.class, e -> assertThat(e.needsPerson()).isFalse())
                .hasMessage("The forms API still failed after 3 tries: HTTP 502");

        assertThat(pauses).hasSize(2);
    }

    @Test
    void givesUpWithoutAnotherTryWhenTheHubStopsDuringTheWait() {
        server.stubFor(
                get(urlPathEqualTo("/submissions")).willReturn(aResponse().withStatus(503)));
        StoppingPause pause = new StoppingPause();
        pause.hubStopping();
        FormApiClient client = client(WebformFixtures.http(5, Duration.ofSeconds(5)), WebformFixtures.apiKey(), pause);

        assertThatThrownBy(() -> client.get(submissions()))
                .isInstanceOf(FormApiFailure.class)
                .hasMessageContaining("The hub is stopping");

        server.verify(1, getRequestedFor(urlPathEqualTo("/submissions")));
    }

    @Test
    void endsTheRunWhenRetryAfterIsBeyondTheBound() {
        server.stubFor(get(urlPathEqualTo("/submissions"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
        FormApiClient client = client(WebformFixtures.http(5, Duration.ofSeconds(5)));

        assertThatThrownBy(() -> client.get(submissions())).hasMessageContaining("wait 3600 s");

        assertThat(pauses).isEmpty();
    }

    @Test
    void signsInWithAClientCredentialsTokenAndKeepsIt() {
        server.stubFor(post(urlPathEqualTo("/token"))
                .withRequestBody(equalTo("grant_type=client_credentials&client_id=hub&client_secret=s3cret"))
                .willReturn(okJson("{\"access_token\":\"t-1\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
        server.stubFor(get(urlPathEqualTo("/submissions"))
                .withHeader("Authorization", equalTo("Bearer t-1"))
                .willReturn(okJson(BODY)));
        var auth =
                new WebformSettings.Auth("oauth2", "Api-Key", null, server.baseUrl() + "/token", "hub", "s3cret", "");
        FormApiClient client = client(WebformFixtures.http(1, Duration.ofSeconds(5)), auth);

        client.get(submissions());
        String second = client.get(submissions());

        assertThat(second).isEqualTo(BODY);
        assertThat(server.findAll(
                        com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo("/token"))))
                .hasSize(1);
    }

    private void failFirst(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder failure) {
        server.stubFor(get(urlPathEqualTo("/submissions"))
                .withHeader("Api-Key", equalTo("test-key"))
                .inScenario("flaky")
                .whenScenarioStateIs(STARTED)
                .willReturn(failure)
                .willSetStateTo("recovered"));
        server.stubFor(get(urlPathEqualTo("/submissions"))
                .inScenario("flaky")
                .whenScenarioStateIs("recovered")
                .willReturn(okJson(BODY)));
    }

    private URI submissions() {
        return URI.create(server.baseUrl() + "/submissions?limit=2");
    }

    private FormApiClient client(WebformSettings.Http http) {
        return client(http, WebformFixtures.apiKey());
    }

    private FormApiClient client(WebformSettings.Http http, WebformSettings.Auth auth) {
        return client(http, auth, pauses::add);
    }

    private FormApiClient client(WebformSettings.Http http, WebformSettings.Auth auth, Pause pause) {
        WebformSettings settings = WebformFixtures.settings(server.baseUrl(), http, auth);
        HttpClient httpClient = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(http.connectTimeout())
                .build();
        FormApiSignIn signIn = new FormApiSignIn(auth, httpClient, http.requestTimeout(), Clock.systemUTC());
        Backoff backoff = new Backoff(http.initialBackoff(), http.maxBackoff(), new Random(1));
        return new FormApiClient(httpClient, signIn, settings, backoff, pause, Clock.systemUTC());
    }
}
