package org.contacthub.reporting;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The built-in dashboard page and a CSV download of every table on it. */
@Controller
class DashboardController {

    static final ZoneId REPORTING_ZONE = ZoneId.of("Europe/London");

    private final DashboardQueries queries;
    private final CellText cellText;

    DashboardController(DashboardQueries queries, CellText cellText) {
        this.queries = queries;
        this.cellText = cellText;
    }

    @GetMapping("/dashboard")
    String dashboard(DashboardParameters parameters, Model model) {
        LocalDate today = LocalDate.now(REPORTING_ZONE);
        DashboardFilter filter = parameters.filter(today);
        List<ReportTable> tables = new ArrayList<>();
        for (String id : DashboardQueries.TABLES) {
            tables.add(queries.table(id, filter, today));
        }
        model.addAttribute("filter", filter);
        model.addAttribute("tables", tables);
        model.addAttribute("departments", queries.departments());
        model.addAttribute("services", queries.services(filter.department()));
        model.addAttribute("trail", DrillTrail.of(filter));
        // Attribute expressions may not reach beans, so the cell formatter comes in the model.
        model.addAttribute("cells", cellText);
        return "dashboard";
    }

    @GetMapping("/dashboard/csv/{table}")
    ResponseEntity<String> csv(@PathVariable String table, DashboardParameters parameters) {
        LocalDate today = LocalDate.now(REPORTING_ZONE);
        DashboardFilter filter = parameters.filter(today);
        ReportTable report = queries.table(known(table), filter, today);
        String name = table + "-" + filter.from() + "-to-" + filter.to() + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(CsvTable.write(report));
    }

    static String known(String table) {
        if (!DashboardQueries.TABLES.contains(table)) {
            throw new IllegalArgumentException("No dashboard table " + table);
        }
        return table;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    @org.springframework.web.bind.annotation.ResponseBody
    String badRequest(IllegalArgumentException e) {
        return e.getMessage();
    }
}
