package org.contacthub.operations;

import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.camel.component.quartz.QuartzComponent;
import org.quartz.utils.DBConnectionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives Camel's quartz component a scheduler whose jobs and triggers live in PostgreSQL, clustered:
 * every hub on the same database with the same Camel name is one scheduler, each firing runs on one
 * node, and a stopped node's triggers are taken over by the others. The scheduler is named after
 * the Camel context, because Camel's jobs find their context by that name on whichever node fires.
 */
@Configuration(proxyBeanMethods = false)
class ClusteredQuartzConfiguration {

    @Bean("quartz")
    QuartzComponent quartz(
            DataSource dataSource,
            @Value("${camel.main.name}") String name,
            @Value("${contacthub.operations.quartz.thread-count:4}") int threads,
            @Value("${contacthub.operations.quartz.checkin-interval-millis:5000}") long checkinInterval,
            @Value("${contacthub.operations.quartz.misfire-threshold-millis:30000}") long misfireThreshold) {
        // Quartz finds connection providers in a JVM-wide register by name: one per hub context.
        String provider = "contact-hub-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(provider, new HubConnectionProvider(dataSource));
        QuartzComponent quartz = new QuartzComponent();
        quartz.setSchedulerFactory(
                new ClusterSchedulerFactory(properties(name, provider, threads, checkinInterval, misfireThreshold)));
        return quartz;
    }

    private static Properties properties(
            String name, String provider, int threads, long checkinInterval, long misfireThreshold) {
        Properties quartz = new Properties();
        quartz.setProperty("org.quartz.scheduler.instanceName", name);
        quartz.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        quartz.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        quartz.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
        quartz.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        quartz.setProperty(
                "org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        quartz.setProperty("org.quartz.jobStore.dataSource", provider);
        quartz.setProperty("org.quartz.jobStore.isClustered", "true");
        quartz.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(checkinInterval));
        // A firing later than this counts as missed, and a missed cron firing runs once at start-up.
        quartz.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(misfireThreshold));
        quartz.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        return quartz;
    }
}
