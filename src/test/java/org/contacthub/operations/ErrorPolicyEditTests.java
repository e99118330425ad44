package org.contacthub.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.model.Model;
import org.contacthub.support.HubTestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An edit of the shared error policy ({@code routes/errors.yaml}) reaches the routes of every other
 * route file at once, and a policy edit whose routes do not start leaves the last good policy in force.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ErrorPolicyEditTests {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path ROUTES = folderWithPolicyAndProbe();
    private static final Path ERRORS =
            ROUTES.resolve("errors.yaml").toAbsolutePath().normalize();
    private static final Path PROBE =
            ROUTES.resolve("probe.yaml").toAbsolutePath().normalize();
    private static final String ORIGINAL = RouteFolder.read(ERRORS);
    private static final String PROBE_ORIGINAL = RouteFolder.read(PROBE);

    @Autowired
    private RouteFiles routeFiles;

    @Autowired
    private CamelContext camel;

    @Autowired
    private ProducerTemplate producer;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        HubTestContext.isolate(registry);
        registry.add("camel.main.routes-include-pattern", () -> "file:" + ROUTES + "/*.yaml");
        registry.add("contacthub.operations.routes.poll-interval", () -> "200ms");
    }

    @AfterEach
    void restorePolicy() throws IOException {
        if (!RouteFolder.read(ERRORS).equals(ORIGINAL)) {
            writeAndAwaitLive(ORIGINAL);
        }
        Files.writeString(PROBE, PROBE_ORIGINAL);
        await().atMost(WAIT).until(() -> routeFiles.refusedEdits().isEmpty());
    }

    @Test
    void aPolicyEditReachesTheRoutesOfOtherFilesWithoutTheirBeingEdited() throws IOException {
        Instant probeLoaded = liveFile(PROBE).loadedAt();

        writeAndAwaitLive(policyAnswering("policy A"));

        assertThat(probe()).isEqualTo("policy A");
        assertThat(liveFile(PROBE).loadedAt()).isAfter(probeLoaded);
        assertThat(routeConfigurations()).isEqualTo(1);

        writeAndAwaitLive(policyAnswering("policy B"));

        assertThat(probe()).isEqualTo("policy B");
        assertThat(routeConfigurations()).isEqualTo(1);
        assertThat(routeFiles.refusedEdits()).isEmpty();
    }

    @Test
    void aPolicyEditWhoseRoutesDoNotStartIsRefusedAndTheLastGoodPolicyStays() throws IOException {
        writeAndAwaitLive(policyAnswering("policy A"));
        // An endpoint option that does not exist passes the file check but stops the routes from starting.
        String answer = "constant: \"policy B\"\n";
        String unstartable = policyAnswering("policy B")
                .replace(answer, answer + "            - to:\n                uri: log:policy?noSuchOption=true\n");
        assertThat(unstartable).contains("noSuchOption");

        Files.writeString(ERRORS, unstartable);

        RouteFiles.RefusedEdit refusal = await().atMost(WAIT)
                .until(
                        () -> routeFiles.refusedEdits().stream()
                                .filter(edit -> edit.file().equals(ERRORS.toString()))
                                .findFirst()
                                .orElse(null),
                        edit -> edit != null);
        assertThat(refusal.reason()).startsWith("the routes did not start").contains("noSuchOption");
        assertThat(probe()).isEqualTo("policy A");
        assertThat(routeConfigurations()).isEqualTo(1);
        assertThat(camel.getRoute("replay-phone-file")).isNotNull();
    }

    @Test
    void aPolicyEditKeepsAnotherFilesRefusedEditOnThePage() throws IOException {
        Files.writeString(PROBE, PROBE_ORIGINAL + "\t- broken: true\n");
        await().atMost(WAIT).until(() -> routeFiles.clusterRefusedEdits().size() == 1);

        writeAndAwaitLive(policyAnswering("policy A"));

        // The probe's routes were reloaded from their last good text; its refused edit still stands.
        assertThat(probe()).isEqualTo("policy A");
        assertThat(routeFiles.clusterRefusedEdits())
                .extracting(RouteFiles.RefusedEdit::file)
                .containsExactly(PROBE.toString());
    }

    private void writeAndAwaitLive(String policy) throws IOException {
        Instant before = liveFile(ERRORS).loadedAt();
        Files.writeString(ERRORS, policy);
        await().atMost(WAIT).until(() -> liveFile(ERRORS).loadedAt().isAfter(before));
    }

    private String probe() {
        return producer.requestBody("direct:probe-error-policy", "ping", String.class);
    }

    private RouteFiles.LiveFile liveFile(Path file) {
        return routeFiles.liveFiles().stream()
                .filter(each -> each.file().equals(file.toString()))
                .findFirst()
                .orElseThrow();
    }

    private int routeConfigurations() {
        return camel.getCamelContextExtension()
                .getContextPlugin(Model.class)
                .getRouteConfigurationDefinitions()
                .size();
    }

    /** The shipped policy with a first clause that answers the probe's exception with the given text. */
    private static String policyAnswering(String answer) {
        String clause = """
                      - onException:
                          exception:
                            - java.lang.UnsupportedOperationException
                          handled:
                            constant: "true"
                          steps:
                            - setBody:
                                constant: "%s"
                """.formatted(answer);
        String anchor = "    onException:\n";
        assertThat(ORIGINAL).contains(anchor);
        return ORIGINAL.replaceFirst(anchor, anchor + clause);
    }

    private static Path folderWithPolicyAndProbe() {
        Path folder = RouteFolder.copyOf("errors.yaml");
        RouteFolder.write(folder.resolve("probe.yaml"), """
                - route:
                    id: probe-error-policy
                    description: Fails on purpose, so that a test sees which error policy it runs under.
                    from:
                      uri: direct:probe-error-policy
                      steps:
                        - throwException:
                            exceptionType: java.lang.UnsupportedOperationException
                            message: probe
                """);
        return folder;
    }
}
