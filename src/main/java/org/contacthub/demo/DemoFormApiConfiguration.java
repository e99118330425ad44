package org.contacthub.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The embedded default's forms platform: when no forms API is configured the hub serves sample
 * submissions on loopback and points the webform settings at them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${contacthub.webform.base-url:}'.isBlank()")
class DemoFormApiConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DemoFormApiConfiguration.class);
    private static final String API_KEY = "demo-forms-key";
    private static final int SUBMISSIONS = 4000;

    /**
     * Starts the API as a bean factory post-processor, before any bean binds the webform settings or
     * Camel resolves the routes' placeholders, so both see the demo's address.
     */
    @Bean
    static BeanFactoryPostProcessor demoFormApi(ConfigurableEnvironment environment) {
        return beanFactory -> {
            DemoFormApi api = start();
            environment
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "demoFormApi",
                            Map.of(
                                    "contacthub.webform.base-url",
                                    api.baseUrl(),
                                    "contacthub.webform.auth.type",
                                    "api-key",
                                    "contacthub.webform.auth.api-key",
                                    API_KEY)));
            if (beanFactory instanceof DefaultListableBeanFactory registry) {
                registry.registerDisposableBean("demoFormApiServer", api::close);
            }
            log.info("Demo forms API is serving {} sample submissions at {}", SUBMISSIONS, api.baseUrl());
        };
    }

    private static DemoFormApi start() {
        Instant until = Instant.now().truncatedTo(ChronoUnit.HOURS);
        try {
            return DemoFormApi.start(DemoSubmissions.generate(until, SUBMISSIONS), API_KEY);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the demo forms API", e);
        }
    }
}
