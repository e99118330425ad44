package org.contacthub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.contacthub.support.HubTestContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every endpoint denies by default; roles open exactly what they should. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        HubTestContext.isolate(registry);
        registry.add("camel.main.routes-include-pattern", () -> "file:routes/registry.yaml");
    }

    @Test
    void answersTheApiWith401WithoutCredentials() throws Exception {
        assertThat(get("/api/runs", null).statusCode()).isEqualTo(401);
    }

    @Test
    void letsAViewerReadTheApi() throws Exception {
        HttpResponse<String> runs = get("/api/runs", "viewer");

        assertThat(runs.statusCode()).isEqualTo(200);
        assertThat(runs.body()).startsWith("[");
    }

    @Test
    void refusesAWrongPassword() throws Exception {
        HttpRequest request = request("/api/runs")
                .header("Authorization", basic("viewer", "not-the-password"))
                .build();

        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(401);
    }

    @Test
    void refusesAWrongPasswordRightAfterTheRememberedRightOne() throws Exception {
        assertThat(get("/api/runs", "viewer").statusCode()).isEqualTo(200);

        HttpRequest wrong = request("/api/runs")
                .header("Authorization", basic("viewer", "viewer-but-wrong"))
                .build();

        assertThat(http.send(wrong, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(401);
        assertThat(get("/api/runs", "viewer").statusCode()).isEqualTo(200);
    }

    @Test
    void keepsTheActuatorBeyondHealthForAdmins() throws Exception {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/prometheus", "viewer").statusCode()).isEqualTo(403);
        assertThat(get("/actuator/prometheus", "support").statusCode()).isEqualTo(403);
        assertThat(get("/actuator/prometheus", "admin").statusCode()).isEqualTo(200);
    }

    @Test
    void deniesAnUnlistedPathEvenToAnAdmin() throws Exception {
        assertThat(get("/internal/anything", "admin").statusCode()).isEqualTo(403);
    }

    @Test
    void sendsABrowserWithoutLoginToTheSignInPage() throws Exception {
        HttpRequest browser =
                request("/dashboard").header("Accept", "text/html").build();

        HttpResponse<String> page = http.send(browser, HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
        assertThat(get("/login", null).body()).contains("Sign in");
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        HttpRequest.Builder request = request(path);
        if (user != null) {
            request.header("Authorization", basic(user, user));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    private static String basic(String user, String password) {
        String pair = user + ":" + password;
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
