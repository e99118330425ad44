package org.contacthub.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The dashboard's tables as JSON, with the same parameters as the page. */
@RestController
class ReportingApiController {

    private final DashboardQueries queries;

    ReportingApiController(DashboardQueries queries) {
        this.queries = queries;
    }

    /** The names of the tables this API serves. */
    @GetMapping("/api/reporting")
    List<String> tables() {
        return DashboardQueries.TABLES;
    }

    /** One table's rows, each a map from column name to value. */
    @GetMapping("/api/reporting/{table}")
    List<Map<String, Object>> table(@PathVariable String table, DashboardParameters parameters) {
        LocalDate today = LocalDate.now(DashboardController.REPORTING_ZONE);
        return queries.table(DashboardController.known(table), parameters.filter(today), today)
                .asMaps();
    }

    @ExceptionHandler(IllegalArgumentException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    Map<String, String> badRequest(IllegalArgumentException e) {
        return Map.of("error", e.getMessage());
    }
}
