package org.contacthub.operations;

import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Stops this hub taking new firings as soon as it starts to shut down, before Camel stops its
 * routes. Otherwise Quartz could hand this hub a firing while its route is already stopped, and
 * Camel's job would drop it silently; in standby the firing goes to another node of the cluster.
 */
@Component
class ClusterHandover {

    private static final Logger log = LoggerFactory.getLogger(ClusterHandover.class);

    private final CamelContext camel;

    ClusterHandover(CamelContext camel) {
        this.camel = camel;
    }

    @EventListener(ContextClosedEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void handOver() {
        Scheduler scheduler =
                camel.getComponent("quartz", QuartzComponent.class).getScheduler();
        try {
            if (scheduler != null && scheduler.isStarted() && !scheduler.isShutdown()) {
                scheduler.standby();
                log.info("Scheduler {} takes no new firings while this hub stops", scheduler.getSchedulerName());
            }
        } catch (SchedulerException e) {
            log.warn("Scheduler could not be put in standby before stopping: {}", e.getMessage());
        }
    }
}
