package org.contacthub.webform;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signs each request to the forms API: with an API key header, or with an OAuth2 bearer token
 * from the client-credentials grant, kept until shortly before it expires.
 */
final class FormApiSignIn {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);
    private static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

    private final WebformSettings.Auth auth;
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;
    private String token;
    private Instant tokenExpires = Instant.MIN;

    FormApiSignIn(WebformSettings.Auth auth, HttpClient http, Duration timeout, Clock clock) {
        this.auth = auth;
        this.http = http;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** Adds the credentials to a request, fetching a token first when the held one is due to expire. */
    synchronized void sign(HttpRequest.Builder request) throws RetryableFault {
        if (!auth.usesOAuth2()) {
            requireSet(auth.apiKey(), "contacthub.webform.auth.api-key (CONTACTHUB_FORMS_API_KEY)");
            request.header(auth.apiKeyHeader(), auth.apiKey());
            return;
        }
        if (token == null || !clock.instant().isBefore(tokenExpires)) {
            fetchToken();
        }
        request.header("Authorization", "Bearer " + token);
    }

    /** Drops the held token after the API refused it, so the next poll asks for a fresh one. */
    synchronized void forget() {
        token = null;
    }

    private void fetchToken() throws RetryableFault {
        requireSet(auth.tokenUrl(), "contacthub.webform.auth.token-url (CONTACTHUB_FORMS_TOKEN_URL)");
        requireSet(auth.clientId(), "contacthub.webform.auth.client-id (CONTACTHUB_FORMS_CLIENT_ID)");
        requireSet(auth.clientSecret(), "contacthub.webform.auth.client-secret (CONTACTHUB_FORMS_CLIENT_SECRET)");
        HttpResponse<String> response = send(tokenRequest());
        if (response.statusCode() == 429 || response.statusCode() >= 500) {
            throw new RetryableFault("the token endpoint answered HTTP " + response.statusCode());
        }
        if (response.statusCode() != 200) {
            throw FormApiFailure.refused("The token endpoint refused the client credentials (HTTP "
                    + response.statusCode() + "); check contacthub.webform.auth");
        }
        readToken(response.body());
    }

    private HttpRequest tokenRequest() {
        String form = "grant_type=client_credentials&client_id=" + encode(auth.clientId()) + "&client_secret="
                + encode(auth.clientSecret())
                + (isBlank(auth.scope()) ? "" : "&scope=" + encode(auth.scope()));
        return HttpRequest.newBuilder(URI.create(auth.tokenUrl()))
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
    }

    private HttpResponse<String> send(HttpRequest request) throws RetryableFault {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new RetryableFault("the token endpoint timed out");
        } catch (IOException e) {
            throw new RetryableFault("the token endpoint could not be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw FormApiFailure.gaveUp("Interrupted while fetching a token");
        }
    }

    private void readToken(String body) {
        try {
            JsonNode answer = JSON.readTree(body);
            String accessToken = answer.path("access_token").asString("");
            requireSet(accessToken, "an access_token in the token endpoint's answer");
            long seconds = answer.path("expires_in").asLong(DEFAULT_LIFETIME.toSeconds());
            token = accessToken;
            tokenExpires = clock.instant().plusSeconds(seconds).minus(EXPIRY_MARGIN);
        } catch (JacksonException e) {
            throw FormApiFailure.refused("The token endpoint's answer is not JSON");
        }
    }

    private static void requireSet(String value, String what) {
        if (isBlank(value)) {
            throw FormApiFailure.refused("The forms API cannot be signed in to: " + what + " is not set");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
