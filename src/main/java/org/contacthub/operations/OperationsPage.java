package org.contacthub.operations;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operations page: each source's health and last good run, with a run-now button for support
 * staff, and which route files are live and which edit was refused.
 */
@Controller
class OperationsPage {

    private final SourceStatuses statuses;
    private final RunNow runNow;
    private final RouteFiles routeFiles;
    private final Backfills backfills;

    OperationsPage(SourceStatuses statuses, RunNow runNow, RouteFiles routeFiles, Backfills backfills) {
        this.statuses = statuses;
        this.runNow = runNow;
        this.routeFiles = routeFiles;
        this.backfills = backfills;
    }

    @GetMapping("/operations")
    String show(Model model) {
        model.addAttribute("sources", statuses.all());
        model.addAttribute("routeFiles", routeFiles.clusterLiveFiles());
        model.addAttribute("refusedEdits", routeFiles.clusterRefusedEdits());
        model.addAttribute("backfills", backfills.all());
        return "operations";
    }

    @PostMapping("/operations/sources/{source}/run")
    @PreAuthorize("hasRole('SUPPORT')")
    String run(@PathVariable String source, RedirectAttributes redirect) {
        String message = ScheduledSource.named(source)
                .map(runNow::start)
                .map(outcome -> switch (outcome) {
                    case STARTED -> "Collection of " + source + " started";
                    case ALREADY_RUNNING -> "Collection of " + source + " is already running; not started again";
                    case NOT_SCHEDULED -> "Collection of " + source + " is not scheduled on this hub";
                })
                .orElse("There is no scheduled source called " + source);
        redirect.addFlashAttribute("message", message);
        return "redirect:/operations";
    }

    @PostMapping("/operations/sources/{source}/backfill")
    @PreAuthorize("hasRole('SUPPORT')")
    String backfill(
            @PathVariable String source,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            RedirectAttributes redirect) {
        String message = ScheduledSource.named(source)
                .map(each -> backfills.start(each, from))
                .map(outcome -> switch (outcome) {
                    case STARTED -> "Backfill of " + source + " from " + from + " started";
                    case ALREADY_RUNNING -> "A backfill of " + source + " is already running; not started again";
                })
                .orElse("There is no scheduled source called " + source);
        redirect.addFlashAttribute("message", message);
        return "redirect:/operations";
    }
}
