package org.contacthub.operations;

import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Starts a source's scheduled collection at once by firing its Quartz job, unless that job is
 * executing on any node of the cluster. The job forbids concurrent execution, so a schedule firing
 * at the same moment waits for this run instead of overlapping it.
 */
@Component
class RunNow {

    private static final Logger log = LoggerFactory.getLogger(RunNow.class);

    private static final String EXECUTING = """
            select count(*) from qrtz_fired_triggers
             where sched_name = ? and job_name = ? and job_group = ? and state = 'EXECUTING'""";

    private final CamelContext camel;
    private final JdbcTemplate jdbc;

    RunNow(CamelContext camel, JdbcTemplate jdbc) {
        this.camel = camel;
        this.jdbc = jdbc;
    }

    /** What became of a request to run a source now. */
    enum Outcome {
        STARTED,
        ALREADY_RUNNING,
        NOT_SCHEDULED
    }

    synchronized Outcome start(ScheduledSource source) {
        try {
            Scheduler scheduler = scheduler();
            Trigger trigger = scheduler.getTrigger(source.triggerKey());
            if (trigger == null) {
                return Outcome.NOT_SCHEDULED;
            }
            if (executing(scheduler, trigger.getJobKey())) {
                log.info("Run now of route {} refused: its collection is already running", source.routeId());
                return Outcome.ALREADY_RUNNING;
            }
            scheduler.triggerJob(trigger.getJobKey());
            log.info("Run now of route {} started", source.routeId());
            return Outcome.STARTED;
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not start route " + source.routeId() + ": " + e.getMessage(), e);
        }
    }

    /** Whether the source's job is executing on any node, as the clustered job store records it. */
    boolean running(ScheduledSource source) {
        try {
            Scheduler scheduler = scheduler();
            Trigger trigger = scheduler.getTrigger(source.triggerKey());
            return trigger != null && executing(scheduler, trigger.getJobKey());
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not read the scheduler: " + e.getMessage(), e);
        }
    }

    private boolean executing(Scheduler scheduler, JobKey job) throws SchedulerException {
        boolean here = scheduler.getCurrentlyExecutingJobs().stream()
                .anyMatch(context -> context.getJobDetail().getKey().equals(job));
        String cluster = scheduler.getSchedulerName();
        Long elsewhere = jdbc.queryForObject(EXECUTING, Long.class, cluster, job.getName(), job.getGroup());
        return here || (elsewhere != null && elsewhere > 0);
    }

    private Scheduler scheduler() {
        return camel.getComponent("quartz", QuartzComponent.class).getScheduler();
    }
}
