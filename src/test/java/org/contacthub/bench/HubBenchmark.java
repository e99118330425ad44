package org.contacthub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's benchmark: end-to-end phone loads beside a same-run COPY baseline, the hub's heap, the
 * dashboard's queries over generated history, and the email and webform channels at volume. Outside
 * the normal build; run with {@code mvn -Pbenchmark verify} (options in benchmarks/README.md).
 */
class HubBenchmark {

    private static final Logger log = LoggerFactory.getLogger(HubBenchmark.class);

    @Test
    void measuresLoadHeapQueriesAndChannels() throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        Path work = Files.createTempDirectory("contact-hub-bench");
        BenchReport report = new BenchReport(settings);
        report.postgresFrom(BenchDatabase.fresh(settings));

        for (long rows : settings.fileRows()) {
            PhoneLoadFigures load = new PhoneDropLoad(settings, work).run(rows);
            log.info(
                    "Phone drop of {} rows: hub {} rows/s end to end, COPY {} rows/s, ratio {}%",
                    rows,
                    Math.round(load.hubRowsPerSecond()),
                    Math.round(load.baseline().rowsPerSecond()),
                    Math.round(100 * load.ratioToCopy()));
            assertThat(load.loaded()).isEqualTo(rows);
            report.add(load);
        }
        if (settings.history() > 0 || settings.messages() > 0 || settings.submissions() > 0) {
            report.channels(new ChannelBench(settings, work).run());
        }
        Path results = report.write();

        log.info("Benchmark results written to {}", results.toAbsolutePath());
        assertThat(results).isNotEmptyFile();
    }
}
