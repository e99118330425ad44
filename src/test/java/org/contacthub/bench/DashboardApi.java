package org.contacthub.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The hub's reporting API as a dashboard calls it: HTTP Basic as the demo viewer, over loopback. */
final class DashboardApi {

    private static final String VIEWER =
            "Basic " + Base64.getEncoder().encodeToString("viewer:viewer".getBytes(StandardCharsets.UTF_8));

    static final String REPORTING = "/api/reporting";

    private static final Pattern QUOTED = Pattern.compile("\"([a-z0-9-]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    DashboardApi(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    /** Fetches a path and returns the body's length; anything but 200 fails the benchmark. */
    int get(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = send(pathAndQuery);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + pathAndQuery + " answered " + response.statusCode());
        }
        return response.body().length;
    }

    /** The ids of the reporting tables the API serves, or none when this build has no reporting API. */
    List<String> reportingTables() throws IOException, InterruptedException {
        HttpResponse<byte[]> response = send(REPORTING);
        if (response.statusCode() != 200) {
            return List.of();
        }
        Matcher ids = QUOTED.matcher(new String(response.body(), StandardCharsets.UTF_8));
        List<String> tables = new ArrayList<>();
        while (ids.find()) {
            tables.add(ids.group(1));
        }
        return tables;
    }

    private HttpResponse<byte[]> send(String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .header("Authorization", VIEWER)
                .header("Accept", "application/json")
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
