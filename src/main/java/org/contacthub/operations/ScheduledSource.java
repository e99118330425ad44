package org.contacthub.operations;

import java.util.Arrays;
import java.util.Optional;
import org.quartz.TriggerKey;

/** The sources collected on a schedule: the name they have in the run log, their route and their schedule. */
enum ScheduledSource {
    PHONE("phone", "collect-phone-files", "contacthub.phone.schedule"),
    EMAIL("email", "collect-inbox-mail", "contacthub.email.schedule"),
    WEBFORM("webform", "collect-form-pages", "contacthub.webform.schedule");

    /** Every route names its Quartz trigger after itself in this group (see routes/*.yaml). */
    static final String TRIGGER_GROUP = "contact-hub";

    private final String source;
    private final String routeId;
    private final String scheduleProperty;

    ScheduledSource(String source, String routeId, String scheduleProperty) {
        this.source = source;
        this.routeId = routeId;
        this.scheduleProperty = scheduleProperty;
    }

    static Optional<ScheduledSource> named(String source) {
        return Arrays.stream(values())
                .filter(each -> each.source.equals(source))
                .findFirst();
    }

    String source() {
        return source;
    }

    String routeId() {
        return routeId;
    }

    String scheduleProperty() {
        return scheduleProperty;
    }

    TriggerKey triggerKey() {
        return TriggerKey.triggerKey(routeId, TRIGGER_GROUP);
    }
}
