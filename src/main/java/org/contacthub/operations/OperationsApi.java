package org.contacthub.operations;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The operations API: each source's state (VIEWER), and starting a source's collection now (SUPPORT). */
@RestController
@RequestMapping("/api/operations")
class OperationsApi {

    private final SourceStatuses statuses;
    private final RunNow runNow;

    OperationsApi(SourceStatuses statuses, RunNow runNow) {
        this.statuses = statuses;
        this.runNow = runNow;
    }

    @GetMapping("/sources")
    List<SourceStatuses.SourceStatus> sources() {
        return statuses.all();
    }

    /** 202 when the run was started, 409 when one is already running, 404 for a source that is not scheduled. */
    @PostMapping("/sources/{source}/run")
    @PreAuthorize("hasRole('SUPPORT')")
    ResponseEntity<Map<String, String>> run(@PathVariable String source) {
        return ScheduledSource.named(source)
                .map(runNow::start)
                .map(outcome -> ResponseEntity.status(status(outcome))
                        .body(Map.of("source", source, "outcome", outcome.name())))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private static HttpStatus status(RunNow.Outcome outcome) {
        return switch (outcome) {
            case STARTED -> HttpStatus.ACCEPTED;
            case ALREADY_RUNNING -> HttpStatus.CONFLICT;
            case NOT_SCHEDULED -> HttpStatus.NOT_FOUND;
        };
    }
}
