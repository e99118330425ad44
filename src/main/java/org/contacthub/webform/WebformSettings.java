package org.contacthub.webform;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code contacthub.webform} settings: where the form platform's submissions API is, how to
 * sign in to it, how its answers are shaped and how hard to try when it fails.
 *
 * @param platform the platform's name; it prefixes every natural key and names the cursor
 * @param baseUrl the API's base URL, such as {@code https://forms.example.gov.uk/api}
 * @param submissionsPath the path of the submissions list under the base URL
 * @param pageLimit how many submissions to ask for per page
 * @param maxPagesPerPoll the most pages one poll reads, so a platform that always says "more" cannot hold it
 * @param maxPageBytes the largest page body accepted; a bigger one is a broken page
 * @param startDate where the first sync starts, read as the start of that day in UTC
 * @param countedStates the submission states that count as a contact, compared ignoring case
 */
@ConfigurationProperties("contacthub.webform")
record WebformSettings(
        String platform,
        String baseUrl,
        String submissionsPath,
        Auth auth,
        int pageLimit,
        int maxPagesPerPoll,
        int maxPageBytes,
        LocalDate startDate,
        List<String> countedStates,
        QueryNames query,
        FieldMapping mapping,
        Http http) {

    Set<String> countedStateSet() {
        return countedStates.stream()
                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }

    /**
     * How the hub signs in: {@code api-key} sends the key in a header; {@code oauth2} fetches a bearer
     * token with the client-credentials grant. Secrets come only from the environment.
     */
    record Auth(
            String type,
            String apiKeyHeader,
            String apiKey,
            String tokenUrl,
            String clientId,
            String clientSecret,
            String scope) {

        boolean usesOAuth2() {
            return "oauth2".equalsIgnoreCase(type);
        }
    }

    /** The query parameter names of the submissions list, since platforms spell them differently. */
    record QueryNames(String updatedSince, String cursor, String limit) {}

    /**
     * JSON pointers to what the hub reads: the first three into the page, the rest into each item.
     * Nothing outside these pointers is ever kept.
     */
    record FieldMapping(
            String items,
            String nextCursor,
            String hasMore,
            String submissionId,
            String formId,
            String formAlias,
            String state,
            String isTest,
            String occurredAt,
            String updatedAt,
            String deletedAt) {

        List<String> itemPointers() {
            return List.of(submissionId, formId, formAlias, state, isTest, occurredAt, updatedAt, deletedAt);
        }
    }

    /**
     * Timeouts and the retry bound for 429, 5xx and timeouts.
     *
     * @param maxAttempts tries per request, the first included
     * @param initialBackoff the wait before the first retry; it doubles each retry, with jitter
     * @param maxBackoff the longest wait between tries; a Retry-After beyond it ends the run instead
     */
    record Http(
            Duration connectTimeout,
            Duration requestTimeout,
            int maxAttempts,
            Duration initialBackoff,
            Duration maxBackoff) {}
}
