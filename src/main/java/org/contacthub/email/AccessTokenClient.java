package org.contacthub.email;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gets OAuth2 access tokens with the client-credentials grant, keeps the current one and asks for a
 * new one shortly before it expires, so each poll logs in with a valid token without asking every time.
 */
final class AccessTokenClient {

    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_RESPONSE_CHARS = 64 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final URI tokenUrl;
    private final Map<String, String> form;
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;

    AccessTokenClient(HttpClient http, URI tokenUrl, String clientId, String clientSecret, String scope, Clock clock) {
        this.http = http;
        this.tokenUrl = tokenUrl;
        this.form = Map.of(
                "grant_type", "client_credentials",
                "client_id", clientId,
                "client_secret", clientSecret,
                "scope", scope);
        this.clock = clock;
    }

    /** A token valid for at least a few more minutes. */
    synchronized String token() throws IOException {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            requestToken();
        }
        return token;
    }

    private void requestToken() throws IOException {
        HttpRequest request = HttpRequest.newBuilder(tokenUrl)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(encodedForm()))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new IOException("The token endpoint answered HTTP " + response.statusCode());
        }
        Instant issuedAt = clock.instant();
        JsonNode body = parse(response.body());
        String accessToken = body.path("access_token").asString("");
        long expiresIn = body.path("expires_in").asLong(0);
        if (accessToken.isEmpty() || expiresIn <= 0) {
            throw new IOException("The token endpoint's answer has no access_token or expires_in");
        }
        token = accessToken;
        renewAt = issuedAt.plusSeconds(expiresIn).minus(renewMargin(expiresIn));
    }

    /** Five minutes before expiry, or half the lifetime of a token that lives less than ten minutes. */
    private static Duration renewMargin(long expiresIn) {
        Duration lifetime = Duration.ofSeconds(expiresIn);
        return lifetime.compareTo(RENEW_BEFORE_EXPIRY.multipliedBy(2)) < 0
                ? lifetime.dividedBy(2)
                : RENEW_BEFORE_EXPIRY;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while asking for an access token", e);
        }
    }

    private static JsonNode parse(String body) throws IOException {
        if (body.length() > MAX_RESPONSE_CHARS) {
            throw new IOException("The token endpoint's answer is larger than " + MAX_RESPONSE_CHARS + " characters");
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            throw new IOException("The token endpoint's answer is not JSON", e);
        }
    }

    private String encodedForm() {
        return form.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
