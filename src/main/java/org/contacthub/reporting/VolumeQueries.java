package org.contacthub.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Contact volumes and the run log as the reporting API serves them. The registry is joined at query
 * time by the contact's reporting day, so a service that moved department is reported under the
 * department it had on that day.
 */
@Repository
class VolumeQueries {

    private static final String VOLUMES_BY_DAY = """
            select e.reporting_day::text as day, e.channel, e.contact_point,
                   cp.name, cp.service, cp.department, coalesce(cp.registered, false) as registered,
                   count(*) as contacts
              from contact_event e
              left join contact_point cp
                on cp.channel = e.channel and cp.identifier = e.contact_point
               and e.reporting_day >= cp.valid_from and (cp.valid_to is null or e.reporting_day <= cp.valid_to)
             where e.reporting_day between ? and ?
             group by e.reporting_day, e.channel, e.contact_point, cp.name, cp.service, cp.department, cp.registered
             order by e.reporting_day, e.channel, e.contact_point""";

    private static final String RECENT_RUNS = """
            select id, source, source_ref, started_at, ended_at, status,
                   read_count, loaded_count, duplicate_count, rejected_count, error
              from collection_run order by id desc limit ?""";

    private final JdbcTemplate jdbc;

    VolumeQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Map<String, Object>> volumesByDay(LocalDate from, LocalDate to) {
        return jdbc.queryForList(VOLUMES_BY_DAY, from, to);
    }

    List<Map<String, Object>> recentRuns(int limit) {
        return jdbc.queryForList(RECENT_RUNS, limit);
    }
}
