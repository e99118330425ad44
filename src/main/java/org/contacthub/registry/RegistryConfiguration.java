package org.contacthub.registry;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the registry to the file the integration team edits, for the registry route to load. */
@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

    @Bean
    ContactPointRegistry contactPointRegistry(
            DataSource dataSource,
            @Value("${contacthub.registry.folder}") Path folder,
            @Value("${contacthub.registry.file-name}") String fileName) {
        return new ContactPointRegistry(dataSource, folder.resolve(fileName));
    }
}
