package org.contacthub.operations;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operations API: each source's state and the live route files (VIEWER), and starting a source's
 * collection now (SUPPORT).
 */
@RestController
@RequestMapping("/api/operations")
class OperationsApi {

    private final SourceStatuses statuses;
    private final RunNow runNow;
    private final RouteFiles routeFiles;
    private final Backfills backfills;

    OperationsApi(SourceStatuses statuses, RunNow runNow, RouteFiles routeFiles, Backfills backfills) {
        this.statuses = statuses;
        this.runNow = runNow;
        this.routeFiles = routeFiles;
        this.backfills = backfills;
    }

    /** The latest backfill of each source on this hub, with its progress and an estimate of the time left. */
    @GetMapping("/backfills")
    List<BackfillRun.BackfillProgress> backfills() {
        return backfills.all();
    }

    /** 202 when started, 409 when one is running for the source. */
    @PostMapping("/sources/{source}/backfill")
    @PreAuthorize("hasRole('SUPPORT')")
    ResponseEntity<Map<String, String>> backfill(
            @PathVariable String source, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from) {
        return ScheduledSource.named(source)
                .map(each -> backfills.start(each, from))
                .map(outcome -> ResponseEntity.status(backfillStatus(outcome))
                        .body(Map.of("source", source, "from", from.toString(), "outcome", outcome.name())))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private static HttpStatus backfillStatus(Backfills.Outcome outcome) {
        return switch (outcome) {
            case STARTED -> HttpStatus.ACCEPTED;
            case ALREADY_RUNNING -> HttpStatus.CONFLICT;
        };
    }

    @GetMapping("/sources")
    List<SourceStatuses.SourceStatus> sources() {
        return statuses.all();
    }

    /** The route files whose routes are running on each hub of the cluster, and each file's latest refused edit. */
    @GetMapping("/routes")
    RouteFileStates routes() {
        return new RouteFileStates(routeFiles.clusterLiveFiles(), routeFiles.clusterRefusedEdits());
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

    /**
     * @param live the route files whose routes are running, on each hub
     * @param refused the latest refused edit of each file whose last edit was refused, on each hub
     */
    record RouteFileStates(List<RouteFiles.LiveFile> live, List<RouteFiles.RefusedEdit> refused) {}
}
