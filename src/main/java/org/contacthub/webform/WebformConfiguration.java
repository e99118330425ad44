package org.contacthub.webform;

import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import javax.sql.DataSource;
import org.contacthub.load.CollectionRuns;
import org.contacthub.load.ContactLoader;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the webform channel's collector from the {@code contacthub.webform} settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebformSettings.class)
class WebformConfiguration {

    @Bean
    StoppingPause formApiPause() {
        return new StoppingPause();
    }

    @Bean
    FormPageCollector formPageCollector(
            WebformSettings settings,
            ContactLoader loader,
            CollectionRuns runs,
            DataSource dataSource,
            StoppingPause pause) {
        return collector(settings, loader, runs, dataSource, pause);
    }

    /** The collector with its own HTTP client; tests pass a pause that only records the waits. */
    static FormPageCollector collector(
            WebformSettings settings, ContactLoader loader, CollectionRuns runs, DataSource dataSource, Pause pause) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.http().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        Clock clock = Clock.systemUTC();
        FormApiSignIn signIn =
                new FormApiSignIn(settings.auth(), http, settings.http().requestTimeout(), clock);
        Backoff backoff =
                new Backoff(settings.http().initialBackoff(), settings.http().maxBackoff(), new SecureRandom());
        FormApiClient api = new FormApiClient(http, signIn, settings, backoff, pause, clock);
        return new FormPageCollector(
                settings, api, new FormCursors(dataSource), new FailedPages(dataSource), loader, runs);
    }
}
