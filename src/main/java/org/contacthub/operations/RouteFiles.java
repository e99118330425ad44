package org.contacthub.operations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.RouteConfigurationsBuilder;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Watches the route files the hub loaded and lets an edit replace a file's running routes only
 * when it passes {@link RouteFileCheck}. A refused edit is logged at ERROR and shown on the
 * operations page, and that file's last good routes keep running. An edit of a file holding a route
 * configuration (the shared error policy) reloads every other live file, so that all routes run
 * under the policy on disk; if any route then fails to start, the edit is refused and the last good
 * text of the file is put back. Each hub watches its own files and reports what it runs to
 * {@link RouteFileStore}, so that the operations page of every hub shows the whole cluster.
 */
@Component
class RouteFiles {

    private static final Logger log = LoggerFactory.getLogger(RouteFiles.class);

    /** A hub silent for this many report intervals has stopped without saying so; its rows are not shown. */
    private static final int SHOWN_FOR_REPORTS = 4;

    private final CamelContext camel;
    private final RouteFileStore store;
    private final RouteFileCheck check;
    private final String includePattern;
    private final boolean watch;
    private final Duration pollInterval;
    private final Duration reportEvery;
    private final Clock clock = Clock.systemUTC();
    private final Map<Path, LiveFile> live = new ConcurrentHashMap<>();
    private final Map<Path, String> liveText = new HashMap<>();
    private final Map<Path, RefusedEdit> refused = new ConcurrentHashMap<>();
    private final Map<Path, String> lastSeen = new HashMap<>();
    private ScheduledExecutorService watcher;
    private Instant reportedAt = Instant.EPOCH;

    RouteFiles(
            CamelContext camel,
            RouteFileStore store,
            @Value("${camel.main.routes-include-pattern:}") String includePattern,
            @Value("${contacthub.operations.routes.watch:true}") boolean watch,
            @Value("${contacthub.operations.routes.poll-interval:2s}") Duration pollInterval,
            @Value("${contacthub.operations.routes.report-every:30s}") Duration reportEvery) {
        this.camel = camel;
        this.store = store;
        this.check = new RouteFileCheck(camel);
        this.includePattern = includePattern;
        this.watch = watch;
        this.pollInterval = pollInterval;
        this.reportEvery = reportEvery;
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void start() {
        for (Path file : files()) {
            String text = read(file);
            lastSeen.put(file, text);
            liveText.put(file, text);
            live.put(file, new LiveFile(ThisHub.NAME, file.toString(), idsLoadedFrom(file), clock.instant()));
        }
        saveQuietly(() -> store.startAfresh(ThisHub.NAME, live.values()));
        reportedAt = clock.instant();
        if (watcher == null) {
            watcher = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "route-file-watch");
                thread.setDaemon(true);
                return thread;
            });
            // Even a hub that does not watch its files confirms what it runs, so the page keeps showing it.
            long millis = Math.min(pollInterval.toMillis(), reportEvery.toMillis());
            watcher.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    @EventListener(ContextClosedEvent.class)
    synchronized void stop() {
        if (watcher != null) {
            watcher.shutdownNow();
            watcher = null;
        }
        saveQuietly(() -> store.forget(ThisHub.NAME));
    }

    /** Applies or refuses every route file that changed, appeared or disappeared since the last scan. */
    synchronized void scan() {
        Set<Path> now = new LinkedHashSet<>(files());
        for (Path file : now) {
            String text = read(file);
            if (text != null && !text.equals(lastSeen.get(file))) {
                lastSeen.put(file, text);
                edited(file, text);
            }
        }
        for (Path gone : new ArrayList<>(lastSeen.keySet())) {
            if (!now.contains(gone)) {
                lastSeen.remove(gone);
                removed(gone);
            }
        }
    }

    /** The live route files of every hub that has reported lately, by name then hub. */
    List<LiveFile> clusterLiveFiles() {
        return store.live(shownSince());
    }

    /** The latest refused edit of each file on every hub that has reported lately. */
    List<RefusedEdit> clusterRefusedEdits() {
        return store.refused(shownSince());
    }

    private Instant shownSince() {
        return clock.instant().minus(reportEvery.multipliedBy(SHOWN_FOR_REPORTS));
    }

    /** This hub's live route files, by name. */
    List<LiveFile> liveFiles() {
        return live.values().stream()
                .sorted(Comparator.comparing(LiveFile::file))
                .toList();
    }

    /** This hub's latest refused edit of each file whose last edit was refused. */
    List<RefusedEdit> refusedEdits() {
        return refused.values().stream()
                .sorted(Comparator.comparing(RefusedEdit::file))
                .toList();
    }

    private void edited(Path file, String text) {
        Resource resource = ResourceHelper.fromString("file:" + file, text);
        try {
            Set<String> ids = check.check(file.toString(), resource, text, otherIds(file));
            replace(file, text, ids);
        } catch (RouteEditRefused e) {
            refuse(file, e.line(), e.reason());
        }
    }

    private void replace(Path file, String text, Set<String> ids) {
        LiveFile before = live.get(file);
        String beforeText = liveText.get(file);
        Set<String> dropped = new LinkedHashSet<>(before == null ? Set.of() : before.routes());
        dropped.removeAll(ids);
        boolean policy = holdsRouteConfiguration(file);
        try {
            remove(dropped);
            load(file, text);
            policy |= holdsRouteConfiguration(file);
            if (policy) {
                reloadAllBut(file);
            }
        } catch (Exception e) {
            // Put back first, so that whoever sees the refusal also sees the last good routes running.
            putBack(file, beforeText, ids, policy);
            refuse(file, 1, "the routes did not start: " + e.getMessage());
            return;
        }
        liveText.put(file, text);
        LiveFile loaded = new LiveFile(ThisHub.NAME, file.toString(), ids, clock.instant());
        live.put(file, loaded);
        refused.remove(file);
        saveQuietly(() -> store.accepted(loaded));
        if (policy) {
            log.info(
                    "Route file {} is live with routes {}; every route now runs under its route configuration",
                    file,
                    ids);
        } else {
            log.info("Route file {} is live with routes {}", file, ids);
        }
    }

    /** Loads a file's last good text again after an edit that did not start, so its routes keep running. */
    private void putBack(Path file, String beforeText, Set<String> edited, boolean policy) {
        try {
            remove(edited);
            removeRouteConfigurations(file);
            if (beforeText != null) {
                load(file, beforeText);
            }
            if (policy) {
                reloadAllBut(file);
            }
        } catch (Exception e) {
            log.error(
                    "Route file {}: its last good routes could not be started again either: {}; restart the hub",
                    file,
                    e.getMessage());
        }
    }

    private void removed(Path file) {
        LiveFile gone = live.remove(file);
        liveText.remove(file);
        refused.remove(file);
        saveQuietly(() -> store.removed(ThisHub.NAME, file.toString()));
        if (gone == null) {
            return;
        }
        try {
            remove(gone.routes());
            if (holdsRouteConfiguration(file)) {
                removeRouteConfigurations(file);
                reloadAllBut(file);
                log.warn("Route file {} was deleted; every route now runs without its route configuration", file);
            }
            log.info("Route file {} was deleted; its routes {} are stopped and removed", file, gone.routes());
        } catch (Exception e) {
            log.error(
                    "Routes {} of deleted route file {} could not be removed: {}", gone.routes(), file, e.getMessage());
        }
    }

    /**
     * Puts one file's text into Camel: its route configurations replace the ones it held, then its routes
     * replace theirs. Camel's own {@code updateRoutes} cannot be used for this: it removes a configuration
     * by id, and looking one up gives every configuration without an id a generated one, which takes
     * them out of the shared policy for every route loaded afterwards.
     */
    private void load(Path file, String text) throws Exception {
        Resource resource = ResourceHelper.fromString("file:" + file, text);
        Collection<RoutesBuilder> builders = PluginHelper.getRoutesLoader(camel).findRoutesBuilders(List.of(resource));
        removeRouteConfigurations(file);
        for (RoutesBuilder builder : builders) {
            if (builder instanceof RouteConfigurationsBuilder configurations) {
                configurations.addRouteConfigurationsToCamelContext(camel);
            }
        }
        for (RoutesBuilder builder : builders) {
            builder.updateRoutesToCamelContext(camel);
        }
    }

    /** Loads every other live file again, so that its routes take up the route configurations now loaded. */
    private void reloadAllBut(Path file) throws Exception {
        List<Path> others = liveText.keySet().stream()
                .filter(each -> !each.equals(file))
                .sorted()
                .toList();
        Instant now = clock.instant();
        for (Path other : others) {
            load(other, liveText.get(other));
            LiveFile reloaded = live.computeIfPresent(
                    other, (path, each) -> new LiveFile(each.hub(), each.file(), each.routes(), now));
            if (reloaded != null) {
                saveQuietly(() -> store.live(reloaded));
            }
        }
    }

    private boolean holdsRouteConfiguration(Path file) {
        return model().getRouteConfigurationDefinitions().stream().anyMatch(each -> loadedFrom(each, file));
    }

    /** Takes the file's configurations out of the model's own list, which is what {@link Model} hands out. */
    private void removeRouteConfigurations(Path file) {
        model().getRouteConfigurationDefinitions().removeIf(each -> loadedFrom(each, file));
    }

    private static boolean loadedFrom(RouteConfigurationDefinition configuration, Path file) {
        Resource source = configuration.getResource();
        return source != null && file.equals(pathOf(source.getLocation()));
    }

    private Model model() {
        return camel.getCamelContextExtension().getContextPlugin(Model.class);
    }

    private void remove(Set<String> ids) throws Exception {
        Model model = model();
        for (String id : ids) {
            RouteDefinition definition = model.getRouteDefinition(id);
            if (definition != null) {
                model.removeRouteDefinition(definition);
            }
        }
    }

    private void refuse(Path file, int line, String reason) {
        RefusedEdit edit = new RefusedEdit(ThisHub.NAME, file.toString(), line, reason, clock.instant());
        refused.put(file, edit);
        saveQuietly(() -> store.refused(edit));
        log.error("Route file {} edit refused at line {}: {}; its last good routes keep running", file, line, reason);
    }

    private Map<String, Set<String>> otherIds(Path file) {
        Map<String, Set<String>> ids = new HashMap<>();
        live.forEach((path, each) -> {
            if (!path.equals(file)) {
                ids.put(each.file(), each.routes());
            }
        });
        return ids;
    }

    private Set<String> idsLoadedFrom(Path file) {
        Set<String> ids = new LinkedHashSet<>();
        for (Route route : camel.getRoutes()) {
            Resource source = route.getSourceResource();
            if (source != null && file.equals(pathOf(source.getLocation()))) {
                ids.add(route.getRouteId());
            }
        }
        return ids;
    }

    /** The files the include pattern names now; only file: patterns, since nobody edits the classpath. */
    private List<Path> files() {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        List<Path> files = new ArrayList<>();
        for (String pattern : includePattern.split(",")) {
            if (!pattern.strip().startsWith("file:")) {
                continue;
            }
            try {
                for (org.springframework.core.io.Resource each : resolver.getResources(pattern.strip())) {
                    if (each.exists() && each.isFile()) {
                        files.add(each.getFile().toPath().toAbsolutePath().normalize());
                    }
                }
            } catch (IOException e) {
                log.warn("Route files matching {} could not be listed: {}", pattern, e.getMessage());
            }
        }
        return files;
    }

    private static Path pathOf(String location) {
        String path = location.startsWith("file:") ? location.substring("file:".length()) : location;
        return Path.of(path).toAbsolutePath().normalize();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    private void tick() {
        if (watch) {
            try {
                scan();
            } catch (RuntimeException e) {
                log.error("Route files could not be checked for edits: {}", e.getMessage());
            }
        }
        Instant now = clock.instant();
        if (!now.isBefore(reportedAt.plus(reportEvery))) {
            saveQuietly(() -> store.report(ThisHub.NAME, now));
            reportedAt = now;
        }
    }

    /** The page is told what runs; a database that is down must not stop route edits being checked. */
    private static void saveQuietly(Runnable save) {
        try {
            save.run();
        } catch (DataAccessException e) {
            log.warn("Route file state could not be saved for the operations page: {}", e.getMessage());
        }
    }

    /**
     * A route file whose routes are running.
     *
     * @param hub the hub running them
     * @param file the file's path
     * @param routes the ids of the routes it defines
     * @param loadedAt when they were loaded
     */
    record LiveFile(String hub, String file, Set<String> routes, Instant loadedAt) {}

    /**
     * The latest refused edit of a route file.
     *
     * @param hub the hub that refused it
     * @param file the file's path
     * @param line the line at fault, 1-based
     * @param reason why it was refused
     * @param refusedAt when
     */
    record RefusedEdit(String hub, String file, int line, String reason, Instant refusedAt) {}
}
