package org.contacthub.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Contact volumes and the run log as the reporting API serves them. Volumes come from the daily
 * aggregate the load keeps exact, so they cost the same whatever the history's length; the registry
 * is joined at query time by day, so a moved service is reported under the department it had then.
 */
@Repository
class VolumeQueries {

    private static final String VOLUMES_BY_DAY = """
            select d.reporting_day::text as day, d.channel, d.contact_point,
                   cp.name, cp.service, cp.department, coalesce(cp.registered, false) as registered,
                   d.contacts
              from contact_daily d
              left join contact_point cp
                on cp.channel = d.channel and cp.identifier = d.contact_point
               and d.reporting_day >= cp.valid_from and (cp.valid_to is null or d.reporting_day <= cp.valid_to)
             where d.reporting_day between ? and ?
             order by d.reporting_day, d.channel, d.contact_point""";

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
