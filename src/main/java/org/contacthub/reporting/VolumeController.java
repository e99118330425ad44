package org.contacthub.reporting;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Contact volumes by day and contact point, and the latest collection runs, as JSON. */
@RestController
class VolumeController {

    private static final ZoneId REPORTING_ZONE = ZoneId.of("Europe/London");
    private static final int DEFAULT_DAYS = 28;
    private static final int MAX_DAYS = 3660;
    private static final int MAX_RUNS = 500;

    private final VolumeQueries queries;

    VolumeController(VolumeQueries queries) {
        this.queries = queries;
    }

    /** Volumes per reporting day (Europe/London) and contact point; the last four weeks by default. */
    @GetMapping("/api/volumes")
    List<Map<String, Object>> volumes(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate last = to != null ? to : LocalDate.now(REPORTING_ZONE);
        LocalDate first = from != null ? from : last.minusDays(DEFAULT_DAYS - 1L);
        if (first.isAfter(last) || first.plusDays(MAX_DAYS).isBefore(last)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "from must be on or before to, within ten years");
        }
        return queries.volumesByDay(first, last);
    }

    /** The run log: the latest collection runs of every source, newest first. */
    @GetMapping("/api/runs")
    List<Map<String, Object>> runs(@RequestParam(defaultValue = "50") int limit) {
        return queries.recentRuns(Math.max(1, Math.min(limit, MAX_RUNS)));
    }
}
