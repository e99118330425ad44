package org.contacthub.failure;

import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The failed-messages pages for support staff: plain forms that post and redirect, so they work
 * without JavaScript. Dates in the filter are days in Europe/London, as the council reads them.
 */
@Controller
@RequestMapping("/failed-messages")
class FailedMessagePages {

    private static final int PAGE_SIZE = 20;
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final FailedMessageQueries queries;
    private final AuditTrail audit;
    private final Replays replays;

    FailedMessagePages(FailedMessageQueries queries, AuditTrail audit, Replays replays) {
        this.queries = queries;
        this.audit = audit;
        this.replays = replays;
    }

    @GetMapping
    String list(PageFilter filter, @RequestParam(defaultValue = "0") int page, Model model) {
        FailedMessageFilter query = filter.toFilter(LONDON);
        int current = Math.max(page, 0);
        long total = queries.count(query);
        model.addAttribute("filter", filter);
        model.addAttribute("messages", queries.page(query, current, PAGE_SIZE));
        model.addAttribute("total", total);
        model.addAttribute("page", current);
        model.addAttribute("lastPage", Math.max(0, (total - 1) / PAGE_SIZE));
        model.addAttribute("query", filter.queryString());
        return "failed-messages";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("message", queries.find(id).orElseThrow(() -> new FailedMessageNotFound(id)));
        model.addAttribute("history", audit.history(id));
        return "failed-messages-detail";
    }

    @PostMapping("/{id}/replay")
    @PreAuthorize("hasRole('SUPPORT')")
    String replay(@PathVariable long id, Principal who, RedirectAttributes redirect) {
        try {
            ReplayOutcome outcome = replays.replay(id, who.getName());
            redirect.addFlashAttribute(outcome.replayed() ? "notice" : "problem", outcome.outcome());
        } catch (FailedMessageRefused e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/failed-messages/" + id;
    }

    @PostMapping("/{id}/discard")
    @PreAuthorize("hasRole('SUPPORT')")
    String discard(
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            Principal who,
            RedirectAttributes redirect) {
        try {
            replays.discard(id, reason, who.getName());
            redirect.addFlashAttribute("notice", "Discarded");
        } catch (IllegalArgumentException | FailedMessageRefused e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/failed-messages/" + id;
    }

    @PostMapping("/replay")
    @PreAuthorize("hasRole('SUPPORT')")
    String replayAll(
            PageFilter filter,
            @RequestParam(defaultValue = "true") boolean dryRun,
            Principal who,
            RedirectAttributes redirect) {
        BulkReplayResult result = replays.replayAll(filter.toFilter(LONDON), dryRun, who.getName());
        redirect.addFlashAttribute(
                "notice",
                dryRun
                        ? result.matched() + " failed messages would be replayed"
                        : result.replayed() + " of " + result.attempted() + " failed messages replayed");
        return "redirect:/failed-messages?" + filter.queryString();
    }

    /**
     * The list's filter as the page's form sends it.
     *
     * @param from the first day included
     * @param to the last day included
     */
    record PageFilter(
            String source,
            String route,
            String errorType,
            String status,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

        FailedMessageFilter toFilter(ZoneId zone) {
            return new FailedMessageFilter(
                    source,
                    route,
                    errorType,
                    status == null ? FailedMessage.FAILED : status,
                    from == null ? null : from.atStartOfDay(zone).toOffsetDateTime(),
                    to == null ? null : to.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        }

        String queryString() {
            String query = UriComponentsBuilder.newInstance()
                    .queryParamIfPresent("source", Optional.ofNullable(source))
                    .queryParamIfPresent("route", Optional.ofNullable(route))
                    .queryParamIfPresent("errorType", Optional.ofNullable(errorType))
                    .queryParamIfPresent("status", Optional.ofNullable(status))
                    .queryParamIfPresent("from", Optional.ofNullable(from))
                    .queryParamIfPresent("to", Optional.ofNullable(to))
                    .encode()
                    .build()
                    .getQuery();
            return query == null ? "" : query;
        }
    }
}
