package org.contacthub.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The embedded default's telephony drop: with no SFTP host configured, an SFTP server on loopback
 * serves generated call-record files in every shipped layout, and the phone route is pointed at it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${contacthub.phone.sftp.host:}'.isBlank()")
class DemoSourcesConfiguration {

    static final List<String> DEMO_NUMBERS = List.of(
            "+441632960001",
            "+441632960010",
            "+441632960020",
            "+441632960030",
            "+441632960040",
            "+441632960050",
            "+441632960060",
            "+441632960099");

    private static final Logger log = LoggerFactory.getLogger(DemoSourcesConfiguration.class);
    private static final String DEMO_USER = "demo";
    private static final int DEMO_DAYS = 28;

    @Bean(destroyMethod = "close")
    DemoSftpServer demoSftpServer(
            @Value("${contacthub.data-folder}") Path dataFolder,
            @Value("${contacthub.phone.sftp.drop-folder}") String dropFolder,
            ConfigurableEnvironment environment)
            throws IOException {
        Path demo = dataFolder.resolve("demo").toAbsolutePath();
        Path root = demo.resolve("sftp");
        seedOnce(demo, root.resolve(dropFolder));
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        DemoSftpServer server = DemoSftpServer.start(root, DEMO_USER, password, demo.resolve("sftp-host-key"));
        Path knownHosts = server.writeKnownHosts(demo.resolve("known_hosts"));
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "demo-sftp",
                        Map.of(
                                "contacthub.phone.sftp.host", server.host(),
                                "contacthub.phone.sftp.port", server.port(),
                                "contacthub.phone.sftp.username", DEMO_USER,
                                "contacthub.phone.sftp.password", password,
                                "contacthub.phone.sftp.known-hosts-file", knownHosts.toString())));
        log.info("Demo SFTP server is serving {} on {}:{}", root, server.host(), server.port());
        return server;
    }

    /** Generates the demo drop on first start only, so a restart does not offer the same calls again. */
    private static void seedOnce(Path demo, Path drop) throws IOException {
        Path marker = demo.resolve("seeded");
        if (Files.exists(marker)) {
            return;
        }
        Files.createDirectories(drop);
        LocalDate yesterday = LocalDate.now(ZoneId.of("Europe/London")).minusDays(1);
        List<Path> files = DemoCallFiles.writeDemoDrop(drop, DEMO_NUMBERS, yesterday, DEMO_DAYS, 20221101L);
        Files.writeString(marker, yesterday.toString());
        log.info("Demo SFTP drop seeded with {} call-record files", files.size());
    }
}
