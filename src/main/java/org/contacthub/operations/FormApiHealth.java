package org.contacthub.operations;

import org.contacthub.webform.FormPageCollector;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** The forms API is healthy when it answers one signed-in request for a single submission. */
@Component("formApi")
class FormApiHealth implements HealthIndicator {

    private final FormPageCollector forms;

    FormApiHealth(FormPageCollector forms) {
        this.forms = forms;
    }

    @Override
    public Health health() {
        try {
            forms.probe();
            return Health.up().build();
        } catch (RuntimeException e) {
            return Health.down()
                    .withDetail("problem", String.valueOf(e.getMessage()))
                    .build();
        }
    }
}
