package org.contacthub.bench;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Properties;
import java.util.stream.Collectors;
import org.contacthub.ContactHubApplication;
import org.contacthub.load.ContactLoader;
import org.contacthub.load.LoadObserver;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The hub as the phone benchmark runs it: in a JVM of its own with a small heap, started with the
 * given settings, timing each step of the load until the dropped file reaches the archive.
 */
public final class HubUnderLoad {

    private HubUnderLoad() {}

    /**
     * Arguments: the results file, the archived file to wait for, the rows expected, then the hub's settings.
     * Writes {@code <results>.ready} once the hub is up, and the results file once the file is archived.
     */
    public static void main(String[] args) throws IOException {
        Path results = Path.of(args[0]);
        Path archived = Path.of(args[1]);
        HeapWatch heap = HeapWatch.start();
        StepClock clock = new StepClock(Long.parseLong(args[2]), heap);
        try (ConfigurableApplicationContext hub =
                SpringApplication.run(ContactHubApplication.class, Arrays.copyOfRange(args, 3, args.length))) {
            hub.getBean(ContactLoader.class).observe(clock);
            heap.reset();
            Files.writeString(ready(results), "ready\n");
            await().atMost(Duration.ofHours(6))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> Files.exists(archived));
            write(results, clock, heap);
        }
        System.exit(0);
    }

    static Path ready(Path results) {
        return results.resolveSibling(results.getFileName() + ".ready");
    }

    private static void write(Path results, StepClock clock, HeapWatch heap) throws IOException {
        Properties figures = new Properties();
        for (LoadObserver.Step step : LoadObserver.Step.values()) {
            figures.setProperty("step." + step, Long.toString(clock.nanos(step)));
        }
        figures.setProperty("heap.max", Long.toString(Runtime.getRuntime().maxMemory()));
        figures.setProperty("heap.peak-in-use", Long.toString(heap.peakInUse()));
        figures.setProperty("heap.max-after-gc", Long.toString(heap.maxAfterGc()));
        figures.setProperty("heap.collections", Long.toString(heap.collections()));
        figures.setProperty(
                "heap.after-gc-at-tenths",
                clock.heapAtTenths().stream().map(String::valueOf).collect(Collectors.joining(",")));
        try (Writer out = Files.newBufferedWriter(results)) {
            figures.store(out, "hub under load");
        }
    }
}
