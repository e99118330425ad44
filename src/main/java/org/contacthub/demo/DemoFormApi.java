package org.contacthub.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The embedded default's forms platform: the hub's submissions contract served on loopback,
 * paged with an opaque cursor and signed in to with an API key.
 */
public final class DemoFormApi implements AutoCloseable {

    private static final String LOOPBACK = "127.0.0.1";
    private static final int MAX_LIMIT = 500;

    private final HttpServer server;
    private final List<DemoSubmissions.Submission> submissions;
    private final String apiKey;

    private DemoFormApi(HttpServer server, List<DemoSubmissions.Submission> submissions, String apiKey) {
        this.server = server;
        this.submissions = submissions;
        this.apiKey = apiKey;
    }

    static DemoFormApi start(List<DemoSubmissions.Submission> submissions, String apiKey) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        DemoFormApi api = new DemoFormApi(server, submissions, apiKey);
        server.createContext("/submissions", api::answer);
        server.start();
        return api;
    }

    String baseUrl() {
        return "http://" + LOOPBACK + ":" + server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!apiKey.equals(exchange.getRequestHeaders().getFirst("Api-Key"))) {
                send(exchange, 401, "{\"error\":\"unauthorised\"}");
                return;
            }
            try {
                send(exchange, 200, page(query(exchange.getRequestURI().getRawQuery())));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                send(exchange, 400, "{\"error\":\"bad query\"}");
            }
        }
    }

    private String page(Map<String, String> query) {
        Instant since = Instant.parse(query.getOrDefault("updated_since", Instant.EPOCH.toString()));
        int limit = Math.min(MAX_LIMIT, Integer.parseInt(query.getOrDefault("limit", "100")));
        int from = query.containsKey("cursor") ? decode(query.get("cursor")) : firstUpdatedSince(since);
        int to = Math.min(submissions.size(), from + limit);
        String items = submissions.subList(from, to).stream()
                .map(DemoSubmissions.Submission::json)
                .collect(Collectors.joining(","));
        boolean more = to < submissions.size();
        String next = more ? "\"" + encode(to) + "\"" : "null";
        return "{\"items\":[" + items + "],\"nextCursor\":" + next + ",\"hasMore\":" + more + "}";
    }

    private int firstUpdatedSince(Instant since) {
        int index = 0;
        while (index < submissions.size() && submissions.get(index).updatedAt().isBefore(since)) {
            index++;
        }
        return index;
    }

    private static String encode(int index) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("at:" + index).getBytes(StandardCharsets.UTF_8));
    }

    private int decode(String cursor) {
        String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        int index = Integer.parseInt(text.substring(text.indexOf(':') + 1));
        if (index < 0 || index > submissions.size()) {
            throw new IllegalArgumentException("cursor out of range");
        }
        return index;
    }

    /** The decoded parameters of a request's query string; also used by the benchmark's larger forms API. */
    public static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw == null) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                query.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    /** Answers a request with a JSON body. */
    public static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
