package org.contacthub.operations;

import java.util.Collection;
import java.util.List;
import java.util.Properties;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SchedulerFactory;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;

/**
 * Builds one Quartz scheduler per hub. Quartz keeps a JVM-wide register of schedulers by name and
 * would hand a second hub in the same JVM the first one's scheduler; nodes of one cluster share a
 * name, so each new scheduler is taken out of that register as soon as it is built.
 */
final class ClusterSchedulerFactory implements SchedulerFactory {

    private final Properties properties;

    ClusterSchedulerFactory(Properties properties) {
        this.properties = properties;
    }

    @Override
    public Scheduler getScheduler() throws SchedulerException {
        SchedulerRepository register = SchedulerRepository.getInstance();
        synchronized (register) {
            Scheduler scheduler = new StdSchedulerFactory(properties).getScheduler();
            register.remove(scheduler.getSchedulerName());
            return scheduler;
        }
    }

    @Override
    public Scheduler getScheduler(String name) {
        return null;
    }

    @Override
    public Collection<Scheduler> getAllSchedulers() {
        return List.of();
    }
}
