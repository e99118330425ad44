package org.contacthub.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Map;
import org.contacthub.demo.DemoFormApi;

/**
 * The forms submissions contract (docs/webform-api.yaml) served on loopback from a fixed number of
 * made-up submissions, one a second from a fixed start, built per page so none are held in memory.
 */
final class BenchFormApi implements AutoCloseable {

    static final String API_KEY = "bench-forms-key";

    private static final Instant FIRST = Instant.parse("2025-01-06T08:00:00Z");
    private static final int MAX_LIMIT = 500;
    private static final String[] FORMS = {"report-a-pothole", "missed-bin-collection", "contact-us", "blue-badge"};
    private static final String ITEM = """
            {"submissionId":"bench-%d","formId":"%s","formAlias":"Benchmark form","state":"%s","isTest":%s,\
            "createdAt":"%s","updatedAt":"%s","deletedAt":null,"answers":{"details":"Sample text"}}""";

    private final HttpServer server;
    private final int submissions;

    private BenchFormApi(HttpServer server, int submissions) {
        this.server = server;
        this.submissions = submissions;
    }

    static BenchFormApi start(int submissions) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        BenchFormApi api = new BenchFormApi(server, submissions);
        server.createContext("/submissions", api::answer);
        server.start();
        return api;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!API_KEY.equals(exchange.getRequestHeaders().getFirst("Api-Key"))) {
                DemoFormApi.send(exchange, 401, "{\"error\":\"unauthorised\"}");
                return;
            }
            DemoFormApi.send(
                    exchange,
                    200,
                    page(DemoFormApi.query(exchange.getRequestURI().getRawQuery())));
        }
    }

    private String page(Map<String, String> query) {
        int limit = Math.min(MAX_LIMIT, Integer.parseInt(query.getOrDefault("limit", "200")));
        int from = query.containsKey("cursor")
                ? Integer.parseInt(query.get("cursor"))
                : firstUpdatedSince(Instant.parse(query.getOrDefault("updated_since", FIRST.toString())));
        int to = Math.min(submissions, from + limit);
        StringBuilder page = new StringBuilder(to - from < 1 ? 64 : (to - from) * 300).append("{\"items\":[");
        for (int i = from; i < to; i++) {
            page.append(i > from ? "," : "").append(item(i));
        }
        boolean more = to < submissions;
        return page.append("],\"nextCursor\":")
                .append(more ? "\"" + to + "\"" : "null")
                .append(",\"hasMore\":")
                .append(more)
                .append('}')
                .toString();
    }

    private static String item(int i) {
        String at = FIRST.plusSeconds(i).toString();
        return ITEM.formatted(i, FORMS[i % FORMS.length], i % 12 == 0 ? "draft" : "submitted", i % 50 == 0, at, at);
    }

    private int firstUpdatedSince(Instant since) {
        long seconds = since.getEpochSecond() - FIRST.getEpochSecond();
        return (int) Math.max(0, Math.min(submissions, seconds));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
