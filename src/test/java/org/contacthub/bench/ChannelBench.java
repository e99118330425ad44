package org.contacthub.bench;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.contacthub.ContactHubApplication;
import org.contacthub.email.InboxMailCollector;
import org.contacthub.load.RunResult;
import org.contacthub.webform.FormPageCollector;
import org.contacthub.webform.FormPollResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The dashboard, email and webform measurements, against one hub started in this JVM on one database:
 * history is generated first, then the dashboard's queries are timed through the reporting API, then a
 * large inbox and a large forms backlog are collected by the channels' own beans.
 */
final class ChannelBench {

    private static final Logger log = LoggerFactory.getLogger(ChannelBench.class);
    private static final ZoneId REPORTING_ZONE = ZoneId.of("Europe/London");

    private final BenchSettings settings;
    private final Path work;

    ChannelBench(BenchSettings settings, Path work) {
        this.settings = settings;
        this.work = work;
    }

    ChannelFigures run() throws Exception {
        BenchDatabase database = BenchDatabase.fresh(settings);
        ChannelFigures figures = new ChannelFigures();
        try (BenchInbox inbox = BenchInbox.start(settings.imap(), settings.messages());
                CountingProxy imap = CountingProxy.start(inbox.port());
                BenchFormApi forms = BenchFormApi.start(settings.submissions());
                ConfigurableApplicationContext hub = startHub(database, imap, forms)) {
            awaitRegistry(database);
            if (settings.history() > 0) {
                figures.dashboard = dashboard(database, hub);
            }
            if (settings.messages() > 0) {
                measure(
                        "email",
                        figures,
                        () -> figures.mail = mail(hub.getBean(InboxMailCollector.class), inbox, imap));
            }
            if (settings.submissions() > 0) {
                measure("webforms", figures, () -> figures.forms = forms(hub.getBean(FormPageCollector.class)));
            }
        }
        return figures;
    }

    /**
     * The dashboard's queries, each timed by name through the API a dashboard calls: every reporting
     * table the API lists, over its default period and over a year, and the volumes and run log. Add
     * a query with one line.
     */
    private static Map<String, Callable<?>> dashboardQueries(ConfigurableApplicationContext hub) throws Exception {
        DashboardApi api = new DashboardApi(port(hub));
        String year = "?from=" + LocalDate.now(REPORTING_ZONE).minusDays(364) + "&to=" + LocalDate.now(REPORTING_ZONE);
        Map<String, Callable<?>> queries = new LinkedHashMap<>();
        List<String> tables = api.reportingTables();
        if (!tables.isEmpty()) {
            queries.put("floor: sign-in and framework, no query (table list)", () -> api.get(DashboardApi.REPORTING));
        }
        for (String table : tables) {
            String path = DashboardApi.REPORTING + "/" + table;
            queries.put(table + ", default period", () -> api.get(path));
            queries.put(table + ", last 12 months", () -> api.get(path + year));
        }
        queries.put("volumes by day and contact point, last 4 weeks", () -> api.get("/api/volumes"));
        queries.put("volumes by day and contact point, last 12 months", () -> api.get("/api/volumes" + year));
        queries.put("run log, latest 50", () -> api.get("/api/runs"));
        return queries;
    }

    private ChannelFigures.Dashboard dashboard(BenchDatabase database, ConfigurableApplicationContext hub)
            throws Exception {
        log.info("Generating {} contacts of history", settings.history());
        long start = System.nanoTime();
        DashboardHistory.generate(database, settings.history());
        double generateSeconds = (System.nanoTime() - start) / 1e9;
        List<QueryTimings.Timing> timings = new ArrayList<>();
        for (Map.Entry<String, Callable<?>> query : dashboardQueries(hub).entrySet()) {
            timings.add(QueryTimings.time(query.getKey(), query.getValue(), settings.querySamples()));
        }
        return new ChannelFigures.Dashboard(settings.history(), generateSeconds, timings);
    }

    private ChannelFigures.Mail mail(InboxMailCollector collector, BenchInbox inbox, CountingProxy imap) {
        imap.reset();
        long start = System.nanoTime();
        List<RunResult> first = collector.collectAll();
        double firstSeconds = (System.nanoTime() - start) / 1e9;
        long firstBytes = imap.bytesToClient();

        imap.reset();
        start = System.nanoTime();
        List<RunResult> again = collector.collectAll();
        double againSeconds = (System.nanoTime() - start) / 1e9;

        if (first.isEmpty() || again.isEmpty()) {
            throw new IllegalStateException(
                    (first.isEmpty() ? "the first sync" : "the no-change poll") + " failed; the hub logged why");
        }
        long loaded = first.stream().mapToLong(RunResult::loaded).sum();
        return new ChannelFigures.Mail(
                inbox.server(),
                settings.messages(),
                loaded,
                firstSeconds,
                firstBytes,
                againSeconds,
                imap.bytesToClient());
    }

    private ChannelFigures.Forms forms(FormPageCollector collector) {
        long start = System.nanoTime();
        FormPollResult poll = collector.collect();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!poll.succeeded()) {
            throw new IllegalStateException("The forms poll failed: " + poll.failure());
        }
        return new ChannelFigures.Forms(settings.submissions(), poll.pages(), poll.loaded(), poll.skipped(), seconds);
    }

    private ConfigurableApplicationContext startHub(BenchDatabase database, CountingProxy imap, BenchFormApi forms) {
        return SpringApplication.run(ContactHubApplication.class, hubSettings(database, imap, forms));
    }

    private String[] hubSettings(BenchDatabase database, CountingProxy imap, BenchFormApi forms) {
        return new String[] {
            "--spring.datasource.url=" + database.url(),
            "--spring.datasource.username=" + database.user(),
            "--spring.datasource.password=" + database.password(),
            "--server.port=0",
            "--camel.main.name=contact-hub-bench-channels",
            "--camel.main.routes-include-pattern=file:routes/registry.yaml",
            "--camel.main.routes-reload-enabled=false",
            "--contacthub.data-folder=" + work.resolve("channels-data"),
            "--contacthub.phone.sftp.host=127.0.0.1",
            "--contacthub.email.host=127.0.0.1",
            "--contacthub.email.port=" + imap.port(),
            "--contacthub.email.tls=false",
            "--contacthub.email.auth=password",
            "--contacthub.email.hmac-key=benchmark-only-key-of-at-least-32-characters",
            "--contacthub.email.inboxes[0].address=" + BenchInbox.ADDRESS,
            "--contacthub.email.inboxes[0].password=" + BenchInbox.PASSWORD,
            "--contacthub.webform.base-url=" + forms.baseUrl(),
            "--contacthub.webform.auth.type=api-key",
            "--contacthub.webform.auth.api-key=" + BenchFormApi.API_KEY,
            "--contacthub.webform.max-pages-per-poll=100000"
        };
    }

    /** Runs one measurement; a failure is reported as the figure rather than losing the others. */
    private static void measure(String part, ChannelFigures figures, Runnable measurement) {
        try {
            measurement.run();
        } catch (RuntimeException e) {
            log.warn("The {} measurement failed: {}", part, e.getMessage());
            figures.failures.add(part + ": " + e.getMessage());
        }
    }

    private static void awaitRegistry(BenchDatabase database) {
        await().atMost(Duration.ofMinutes(2)).until(() -> contactPoints(database) > 0);
    }

    private static long contactPoints(BenchDatabase database) throws SQLException {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("select count(*) from contact_point")) {
            count.next();
            return count.getLong(1);
        }
    }

    private static int port(ConfigurableApplicationContext hub) {
        return Integer.parseInt(hub.getEnvironment().getProperty("local.server.port"));
    }
}
