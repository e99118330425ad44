package org.contacthub.operations;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The operations page: each source's health and last good run, with a run-now button for support staff. */
@Controller
class OperationsPage {

    private final SourceStatuses statuses;
    private final RunNow runNow;

    OperationsPage(SourceStatuses statuses, RunNow runNow) {
        this.statuses = statuses;
        this.runNow = runNow;
    }

    @GetMapping("/operations")
    String show(Model model) {
        model.addAttribute("sources", statuses.all());
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
}
