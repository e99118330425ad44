package org.contacthub.demo;

import com.icegreen.greenmail.store.FolderException;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The embedded default's mail: when no IMAP host is configured the hub runs a demo IMAP server with
 * the sample registry's group inboxes and points the email channel at it. The bean is created with
 * the other singletons, before Camel starts the routes, and the channel reads its settings at each poll.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${contacthub.email.host:}'.isBlank()")
class DemoMailConfiguration {

    static final List<String> SAMPLE_INBOXES = List.of(
            "council.tax@northshire.example",
            "adult.social.care@northshire.example",
            "highways@northshire.example",
            "admissions@northshire.example",
            "waste@northshire.example",
            "registrars@northshire.example");

    private static final Logger log = LoggerFactory.getLogger(DemoMailConfiguration.class);
    private static final int SAMPLE_DAYS = 28;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    @Bean(destroyMethod = "close")
    DemoMailServer demoMailServer(
            ConfigurableEnvironment environment,
            @Value("${contacthub.data-folder}") Path dataFolder,
            @Value("${contacthub.email.hmac-key:}") String hmacKey)
            throws IOException, MessagingException, FolderException {
        DemoMailServer server = DemoMailServer.start(randomText(18));
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        int messages = 0;
        for (String inbox : SAMPLE_INBOXES) {
            List<DemoInboxMail.SampleMessage> mail = DemoInboxMail.forDays(inbox, today, SAMPLE_DAYS);
            server.fill(inbox, mail);
            messages += mail.size();
        }
        String key = hmacKey.isBlank() ? keptKey(dataFolder.resolve("email").resolve("hmac.key")) : hmacKey;
        environment.getPropertySources().addFirst(new MapPropertySource("demo-mail", settings(server, key)));
        log.info(
                "Demo IMAP server is running on port {} with {} messages in {} inboxes",
                server.port(),
                messages,
                SAMPLE_INBOXES.size());
        return server;
    }

    private static Map<String, Object> settings(DemoMailServer server, String hmacKey) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("contacthub.email.host", DemoMailServer.LOOPBACK);
        settings.put("contacthub.email.port", server.port());
        settings.put("contacthub.email.tls", false);
        settings.put("contacthub.email.auth", "password");
        settings.put("contacthub.email.hmac-key", hmacKey);
        for (int i = 0; i < SAMPLE_INBOXES.size(); i++) {
            settings.put("contacthub.email.inboxes[" + i + "].address", SAMPLE_INBOXES.get(i));
            settings.put("contacthub.email.inboxes[" + i + "].password", server.password());
        }
        return settings;
    }

    /**
     * The demo's HMAC key, generated once and kept, so a restart gives every message the same key. The file
     * is created readable by its owner only, where the file system has POSIX permissions.
     */
    static String keptKey(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        }
        Files.createDirectories(file.getParent());
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        String key = randomText(32);
        Files.writeString(file, key + "\n", StandardCharsets.US_ASCII);
        return key;
    }

    private static String randomText(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
