package org.contacthub.failure;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The failed-message store over HTTP, for scripts and the bin/failed-messages command. */
@RestController
@RequestMapping("/api/failed-messages")
@Tag(name = "Failed messages", description = "Inputs that failed after retries: search, replay, discard")
class FailedMessageApi {

    private static final int MAX_PAGE_SIZE = 200;

    private final FailedMessageQueries queries;
    private final AuditTrail audit;
    private final Replays replays;

    FailedMessageApi(FailedMessageQueries queries, AuditTrail audit, Replays replays) {
        this.queries = queries;
        this.audit = audit;
        this.replays = replays;
    }

    @GetMapping
    @Operation(summary = "List failed messages, newest failure first, filtered and paged")
    FailedMessagePage list(
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String route,
            @RequestParam(required = false) String errorType,
            @Parameter(description = "failed (default), replayed or discarded") @RequestParam(defaultValue = "failed")
                    String status,
            @Parameter(description = "Last failure at or after (ISO-8601)")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    OffsetDateTime from,
            @Parameter(description = "Last failure before (ISO-8601)")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    OffsetDateTime to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        FailedMessageFilter filter = new FailedMessageFilter(source, route, errorType, status, from, to);
        int bounded = Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
        int first = Math.max(page, 0);
        return new FailedMessagePage(queries.page(filter, first, bounded), first, bounded, queries.count(filter));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One failed message with its error, payload and audit history")
    FailedMessageDetail detail(@PathVariable long id) {
        FailedMessage message = queries.find(id).orElseThrow(() -> new FailedMessageNotFound(id));
        return new FailedMessageDetail(message, audit.history(id));
    }

    @PostMapping("/{id}/replay")
    @PreAuthorize("hasRole('SUPPORT')")
    @Operation(summary = "Replay one failed message through its route (SUPPORT)")
    ReplayOutcome replay(@PathVariable long id, Principal who) {
        return replays.replay(id, who.getName());
    }

    @PostMapping("/replay")
    @PreAuthorize("hasRole('SUPPORT')")
    @Operation(summary = "Replay every failed message a filter matches, or count them with dryRun (SUPPORT)")
    BulkReplayResult replayAll(
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String route,
            @RequestParam(required = false) String errorType,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @Parameter(description = "Only count what would be replayed") @RequestParam(defaultValue = "false")
                    boolean dryRun,
            Principal who) {
        FailedMessageFilter filter = new FailedMessageFilter(source, route, errorType, null, from, to);
        return replays.replayAll(filter, dryRun, who.getName());
    }

    @PostMapping("/{id}/discard")
    @PreAuthorize("hasRole('SUPPORT')")
    @Operation(summary = "Discard a failed message for good; a reason is required (SUPPORT)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void discard(@PathVariable long id, @RequestBody(required = false) DiscardRequest request, Principal who) {
        replays.discard(id, request == null ? null : request.reason(), who.getName());
    }

    @ExceptionHandler(FailedMessageNotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    Problem notFound(FailedMessageNotFound e) {
        return new Problem(e.getMessage());
    }

    @ExceptionHandler(FailedMessageRefused.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    Problem refused(FailedMessageRefused e) {
        return new Problem(e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    Problem badRequest(IllegalArgumentException e) {
        return new Problem(e.getMessage());
    }

    /** One page of a list. */
    record FailedMessagePage(List<FailedMessage> items, int page, int size, long total) {}

    /** A message and what support staff have done with it. */
    record FailedMessageDetail(FailedMessage message, List<AuditEntry> history) {}

    /** Why a message is discarded. */
    record DiscardRequest(String reason) {}

    /** Why a request was refused. */
    record Problem(String message) {}
}
