package org.contacthub.webform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

class WebformRouteTests {

    @Test
    void definesTheScheduledAndReplayRoutesWithDescriptions() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            Properties settings = new Properties();
            settings.setProperty("contacthub.webform.schedule", "0 0/10 * * * ?");
            camel.getPropertiesComponent().setInitialProperties(settings);

            PluginHelper.getRoutesLoader(camel)
                    .loadRoutes(ResourceHelper.resolveResource(camel, "file:routes/webform.yaml"));

            assertThat(camel.getRouteDefinitions())
                    .extracting(r -> r.getRouteId(), r -> r.getDescriptionText() != null)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("collect-form-pages", true),
                            org.assertj.core.groups.Tuple.tuple("replay-form-pages", true));
        }
    }
}
