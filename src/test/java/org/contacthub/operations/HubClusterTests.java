package org.contacthub.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.contacthub.ContactHubApplication;
import org.contacthub.support.FormsApiStub;
import org.contacthub.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.listeners.TriggerListenerSupport;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two hubs on one database with one Camel name: every firing of the webform schedule runs on one
 * of them, the other carries on when one stops, and downtime leads to one catch-up run.
 */
class HubClusterTests {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final long PERIOD_MILLIS = 2000;
    private static final WireMockServer forms = FormsApiStub.answering(FormsApiStub.EMPTY_PAGE);

    private final TestPostgres.TestDatabase database = TestPostgres.newDatabase();
    private final JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
    private final String clusterName = "contact-hub-cluster-" + UUID.randomUUID();
    private final List<Firing> firings = new CopyOnWriteArrayList<>();
    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    @AfterEach
    void stopNodes() {
        nodes.forEach(ConfigurableApplicationContext::close);
    }

    @AfterAll
    static void stopForms() {
        forms.stop();
    }

    @Test
    void eachScheduledFiringRunsOnOneNodeAndTheOtherCarriesOnWhenOneStops() {
        ConfigurableApplicationContext first = startNode("first");
        startNode("second");
        await().atMost(WAIT).until(() -> firings.size() >= 4);

        first.close();
        int beforeStop = firings.size();
        await().atMost(WAIT).until(() -> firings.size() >= beforeStop + 4);
        stopNodes();

        List<Instant> scheduled = scheduledTimes();
        assertThat(scheduled).doesNotHaveDuplicates();
        for (int i = 1; i < scheduled.size(); i++) {
            assertThat(Duration.between(scheduled.get(i - 1), scheduled.get(i)))
                    .as("no firing is lost between %s and %s", scheduled.get(i - 1), scheduled.get(i))
                    .isEqualTo(Duration.ofMillis(PERIOD_MILLIS));
        }
        assertThat(firings.subList(beforeStop, firings.size()))
                .allSatisfy(firing -> assertThat(firing.node()).isEqualTo("second"));
        assertThat(webformRuns())
                .as("one collection run per firing: %s", firings)
                .isEqualTo(firings.size());
    }

    @Test
    void downtimeOfManyPeriodsLeadsToOneCatchUpRunNotABurst() {
        ConfigurableApplicationContext node = startNode("before");
        await().atMost(WAIT).until(() -> firings.size() >= 1);
        node.close();
        int beforeDowntime = firings.size();
        jdbc.update(
                "update qrtz_triggers set next_fire_time = ? where sched_name = ? and trigger_name = ?",
                System.currentTimeMillis() - Duration.ofHours(1).toMillis(),
                clusterName,
                ScheduledSource.WEBFORM.routeId());

        Instant restarted = Instant.now();
        startNode("after");
        await().atMost(WAIT).until(() -> firings.size() >= beforeDowntime + 3);
        stopNodes();

        List<Firing> afterDowntime = firings.subList(beforeDowntime, firings.size());
        assertThat(afterDowntime)
                .allSatisfy(firing ->
                        assertThat(firing.scheduled()).isAfterOrEqualTo(restarted.truncatedTo(ChronoUnit.MILLIS)));
        assertThat(afterDowntime.subList(1, afterDowntime.size()))
                .as("after the one catch-up run the schedule goes on as before")
                .allSatisfy(firing -> assertThat(firing.scheduled().toEpochMilli() % PERIOD_MILLIS)
                        .isZero());
        assertThat(webformRuns()).isEqualTo(firings.size());
    }

    private ConfigurableApplicationContext startNode(String label) {
        ConfigurableApplicationContext node = new SpringApplicationBuilder(ContactHubApplication.class)
                .run(arguments(label).toArray(String[]::new));
        nodes.add(node);
        listen(node, label);
        return node;
    }

    private List<String> arguments(String label) {
        return List.of(
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.main.web-application-type=none",
                "--camel.main.name=" + clusterName,
                "--camel.springboot.main-run-controller=false",
                "--camel.main.routes-include-pattern=file:routes/webform.yaml",
                "--contacthub.data-folder=" + temporaryFolder(label),
                "--contacthub.operations.routes.watch=false",
                "--contacthub.operations.quartz.checkin-interval-millis=1000",
                "--contacthub.webform.schedule=0/2 * * * * ?",
                "--contacthub.webform.base-url=" + forms.baseUrl(),
                "--contacthub.webform.auth.api-key=test-key");
    }

    /** Records each completed firing of the webform trigger on this node, after its collection run. */
    private void listen(ConfigurableApplicationContext node, String label) {
        CamelContext camel = node.getBean(CamelContext.class);
        try {
            camel.getComponent("quartz", QuartzComponent.class)
                    .getScheduler()
                    .getListenerManager()
                    .addTriggerListener(new TriggerListenerSupport() {
                        @Override
                        public String getName() {
                            return "cluster-test-" + label;
                        }

                        @Override
                        public void triggerComplete(
                                Trigger trigger,
                                JobExecutionContext context,
                                Trigger.CompletedExecutionInstruction instruction) {
                            if (trigger.getKey().equals(ScheduledSource.WEBFORM.triggerKey())) {
                                firings.add(new Firing(
                                        label, context.getScheduledFireTime().toInstant()));
                            }
                        }
                    });
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Instant> scheduledTimes() {
        return firings.stream().map(Firing::scheduled).sorted().toList();
    }

    private long webformRuns() {
        return jdbc.queryForObject(
                "select count(*) from collection_run where source = 'webform' and status = 'succeeded'", Long.class);
    }

    private static String temporaryFolder(String label) {
        try {
            return Files.createTempDirectory("hub-" + label).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param node which hub ran it
     * @param scheduled the schedule time it was for
     */
    private record Firing(String node, Instant scheduled) {}
}
