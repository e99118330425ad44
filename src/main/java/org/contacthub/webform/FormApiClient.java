package org.contacthub.webform;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one page of the forms API. 429, 5xx, timeouts and dropped connections are tried again with
 * backoff, honouring Retry-After, up to the configured bound; 401 and 403 fail at once.
 */
final class FormApiClient {

    private static final Logger log = LoggerFactory.getLogger(FormApiClient.class);

    private final HttpClient http;
    private final FormApiSignIn signIn;
    private final WebformSettings.Http settings;
    private final int maxPageBytes;
    private final Backoff backoff;
    private final Pause pause;
    private final Clock clock;

    FormApiClient(
            HttpClient http,
            FormApiSignIn signIn,
            WebformSettings settings,
            Backoff backoff,
            Pause pause,
            Clock clock) {
        this.http = http;
        this.signIn = signIn;
        this.settings = settings.http();
        this.maxPageBytes = settings.maxPageBytes();
        this.backoff = backoff;
        this.pause = pause;
        this.clock = clock;
    }

    /**
     * The body of a 200 answer.
     *
     * @throws FormApiFailure when the API refuses the credentials, answers another 4xx, or still fails
     *     after the last try
     */
    String get(URI uri) {
        for (int attempt = 1; ; attempt++) {
            RetryableFault fault;
            try {
                return send(uri);
            } catch (RetryableFault e) {
                fault = e;
            }
            waitBeforeRetry(attempt, fault);
        }
    }

    /**
     * One GET without retries, for a health check.
     *
     * @throws FormApiFailure when the API does not answer 200
     */
    void probe(URI uri) {
        try {
            send(uri);
        } catch (RetryableFault e) {
            throw FormApiFailure.gaveUp("The forms API failed: " + e.getMessage());
        }
    }

    private void waitBeforeRetry(int attempt, RetryableFault fault) {
        int tries = settings.maxAttempts();
        if (attempt >= tries) {
            throw FormApiFailure.gaveUp("The forms API still failed after " + tries + " tries: " + fault.getMessage());
        }
        Duration wait = fault.retryAfter().orElseGet(() -> backoff.beforeRetry(attempt));
        if (wait.compareTo(settings.maxBackoff()) > 0) {
            throw FormApiFailure.gaveUp("The forms API asked the hub to wait " + wait.toSeconds()
                    + " s, more than contacthub.webform.http.max-backoff: " + fault.getMessage());
        }
        log.warn(
                "Forms API request failed, {}; try {} of {} in {} ms",
                fault.getMessage(),
                attempt + 1,
                tries,
                wait.toMillis());
        try {
            if (!pause.pause(wait)) {
                throw FormApiFailure.gaveUp(
                        "The hub is stopping; the next poll after it starts tries the forms API again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw FormApiFailure.gaveUp("Interrupted while waiting to retry the forms API");
        }
    }

    private String send(URI uri) throws RetryableFault {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("Accept", "application/json")
                .GET();
        signIn.sign(request);
        try {
            return answer(http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (HttpTimeoutException e) {
            throw new RetryableFault(
                    "no answer within " + settings.requestTimeout().toMillis() + " ms");
        } catch (IOException e) {
            throw new RetryableFault("the connection failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw FormApiFailure.gaveUp("Interrupted while reading the forms API");
        }
    }

    private String answer(HttpResponse<InputStream> response) throws IOException, RetryableFault {
        int status = response.statusCode();
        try (InputStream body = response.body()) {
            if (status == 200) {
                return readLimited(body);
            }
        }
        if (status == 401 || status == 403) {
            signIn.forget();
            throw FormApiFailure.refused("The forms API refused the hub's credentials (HTTP " + status
                    + "); check contacthub.webform.auth and the key or client's permissions");
        }
        if (status == 429 || status >= 500) {
            throw new RetryableFault("HTTP " + status, retryAfter(response).orElse(null));
        }
        throw FormApiFailure.refused("The forms API answered HTTP " + status + " to "
                + response.uri().getPath());
    }

    private String readLimited(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(maxPageBytes + 1);
        if (bytes.length > maxPageBytes) {
            throw new BrokenPageException("The page is larger than " + maxPageBytes + " bytes", null);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Retry-After as seconds or as an HTTP date; a value that is neither is ignored. */
    private Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(String::trim).flatMap(this::parseRetryAfter);
    }

    private Optional<Duration> parseRetryAfter(String value) {
        if (value.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            Duration wait = Duration.between(clock.instant(), at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
