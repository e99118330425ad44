package org.contacthub.operations;

import java.util.Map;
import org.contacthub.email.InboxMailCollector;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The group inboxes are healthy when every one accepts the hub's login and lets it examine its
 * folders read-only; the details name each inbox with "UP" or its problem.
 */
@Component("inboxes")
class InboxesHealth implements HealthIndicator {

    private final InboxMailCollector inboxes;

    InboxesHealth(InboxMailCollector inboxes) {
        this.inboxes = inboxes;
    }

    @Override
    public Health health() {
        Map<String, String> problems = inboxes.examineAll();
        Health.Builder health = problems.values().stream().allMatch(String::isEmpty) ? Health.up() : Health.down();
        problems.forEach((inbox, problem) -> health.withDetail(inbox, problem.isEmpty() ? "UP" : problem));
        return health.build();
    }
}
