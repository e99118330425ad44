package org.contacthub.failure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.contacthub.support.HubTestContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole hub on a random loopback port with the webform and error routes, its forms API played by
 * WireMock, shared by the failed-message tests so that they start one application between them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class HubServer {

    private static final String SEED_WEBFORM_FAILURE = """
            insert into failed_message (source, message_key, route_id, entry_point, unit, error_type,
                   error_message, payload, payload_type)
            values ('webform', ?, 'collect-form-pages', 'direct:replay-form-pages', 'page', ?,
                    'The page is not valid JSON', null, 'application/json') returning id""";

    private static final String SEED_PHONE_FAILURE = """
            insert into failed_message (source, message_key, route_id, entry_point, unit, error_type,
                   error_message, payload, payload_type)
            values ('phone', ?, 'collect-phone-files', 'direct:replay-phone-file', 'file', ?,
                    'No phone layout matches', 'error/' || ?, 'file-reference') returning id""";

    static final WireMockServer formsApi = startFormsApi();

    final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        HubTestContext.isolate(registry);
        registry.add("camel.main.routes-include-pattern", () -> "file:routes/webform.yaml,file:routes/errors.yaml");
        registry.add("contacthub.webform.base-url", formsApi::baseUrl);
        registry.add("contacthub.webform.auth.api-key", () -> "test-key");
        registry.add("contacthub.webform.schedule", () -> "0 0 0 1 1 ? 2099");
        registry.add("contacthub.webform.http.max-attempts", () -> "1");
        registry.add("contacthub.failures.replay-pause", () -> "10ms");
    }

    /** A failed message as the webform channel keeps one, with a replay route that polls the forms API. */
    long seedWebformFailure(String key, String errorType) {
        return jdbc.queryForObject(SEED_WEBFORM_FAILURE, Long.class, key, errorType);
    }

    long seedPhoneFailure(String fileName, String errorType) {
        return jdbc.queryForObject(SEED_PHONE_FAILURE, Long.class, fileName, errorType, fileName);
    }

    String status(long id) {
        return jdbc.queryForObject("select status from failed_message where id = ?", String.class, id);
    }

    /** The forms API answers every page with the given body. */
    static void formsApiAnswers(String body) {
        formsApi.resetAll();
        formsApi.stubFor(get(urlPathEqualTo("/submissions"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body)));
    }

    static void formsApiHasNothingNew() {
        formsApi.resetAll();
        formsApi.stubFor(get(urlPathEqualTo("/submissions"))
                .willReturn(okJson("{\"items\":[],\"nextCursor\":null,\"hasMore\":false}")));
    }

    HttpResponse<String> send(String method, String path, String user, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            String pair = user + ":" + user;
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private static WireMockServer startFormsApi() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return server;
    }
}
