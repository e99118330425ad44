package org.contacthub.operations;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.EndpointRequiredDefinition;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * Validates an edited route file before it may replace running routes: it parses as Camel's YAML
 * DSL, every route has an id used by no other route file, every endpoint's scheme is a component on
 * the classpath, and every placeholder has a value.
 */
final class RouteFileCheck {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^{}]+)}}");

    private final CamelContext camel;

    RouteFileCheck(CamelContext camel) {
        this.camel = camel;
    }

    /**
     * Checks one file's text and returns the ids of the routes it defines.
     *
     * @param otherIds the route ids of every other live route file, by file
     */
    Set<String> check(String file, Resource resource, String text, Map<String, Set<String>> otherIds)
            throws RouteEditRefused {
        parseYaml(file, text);
        List<RouteDefinition> routes = parseRoutes(file, resource);
        Set<String> ids = uniqueIds(file, text, routes, otherIds);
        for (RouteDefinition route : routes) {
            checkEndpoints(file, text, route);
        }
        checkPlaceholders(file, text);
        return ids;
    }

    private static void parseYaml(String file, String text) throws RouteEditRefused {
        try {
            new Load(LoadSettings.builder().build()).loadAllFromString(text).forEach(document -> {});
        } catch (MarkedYamlEngineException e) {
            throw new RouteEditRefused(file, line(e), "not valid YAML: " + firstLine(e.getMessage()));
        }
    }

    private List<RouteDefinition> parseRoutes(String file, Resource resource) throws RouteEditRefused {
        List<RouteDefinition> routes = new ArrayList<>();
        try {
            for (RoutesBuilder builder : PluginHelper.getRoutesLoader(camel).findRoutesBuilders(resource)) {
                if (builder instanceof RouteBuilder routeBuilder) {
                    routes.addAll(routeBuilder.configureRoutes(camel).getRoutes());
                }
            }
        } catch (Exception e) {
            throw new RouteEditRefused(file, markedLine(e), "not a valid Camel route file: " + rootMessage(e));
        }
        return routes;
    }

    private static Set<String> uniqueIds(
            String file, String text, List<RouteDefinition> routes, Map<String, Set<String>> otherIds)
            throws RouteEditRefused {
        Set<String> ids = new LinkedHashSet<>();
        for (RouteDefinition route : routes) {
            String id = route.getRouteId();
            if (id == null || id.isBlank()) {
                throw new RouteEditRefused(file, lineOf(text, route.getInput().getEndpointUri()), "a route has no id");
            }
            if (!ids.add(id)) {
                throw new RouteEditRefused(file, lineOf(text, id), "route id " + id + " is used twice in this file");
            }
            Optional<String> owner = owner(id, file, otherIds);
            if (owner.isPresent()) {
                throw new RouteEditRefused(
                        file, lineOf(text, id), "route id " + id + " is already used in " + owner.get());
            }
        }
        return ids;
    }

    private static Optional<String> owner(String id, String file, Map<String, Set<String>> otherIds) {
        return otherIds.entrySet().stream()
                .filter(entry ->
                        !entry.getKey().equals(file) && entry.getValue().contains(id))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    private void checkEndpoints(String file, String text, RouteDefinition route) throws RouteEditRefused {
        List<String> uris = new ArrayList<>();
        uris.add(route.getInput().getEndpointUri());
        collectUris(route.getOutputs(), uris);
        for (String uri : uris) {
            String scheme = scheme(uri);
            if (!componentExists(scheme)) {
                throw new RouteEditRefused(
                        file, lineOf(text, scheme + ":"), "no component on the classpath for endpoint " + scheme + ":");
            }
        }
    }

    private static void collectUris(List<ProcessorDefinition<?>> outputs, List<String> uris) {
        for (ProcessorDefinition<?> output : outputs) {
            if (output instanceof EndpointRequiredDefinition endpoint && endpoint.getEndpointUri() != null) {
                uris.add(endpoint.getEndpointUri());
            }
            collectUris(output.getOutputs(), uris);
        }
    }

    private boolean componentExists(String scheme) {
        try {
            return !scheme.isEmpty() && camel.getComponent(scheme) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void checkPlaceholders(String file, String text) throws RouteEditRefused {
        String[] lines = text.split("\n", -1);
        for (int number = 0; number < lines.length; number++) {
            if (lines[number].strip().startsWith("#")) {
                continue;
            }
            Matcher placeholder = PLACEHOLDER.matcher(lines[number]);
            while (placeholder.find()) {
                String key = placeholder.group(1).strip();
                // Camel's {{name:default}} carries its own value.
                if (!key.contains(":")
                        && camel.getPropertiesComponent().resolveProperty(key).isEmpty()) {
                    throw new RouteEditRefused(file, number + 1, "the setting {{" + key + "}} has no value");
                }
            }
        }
    }

    private static String scheme(String uri) {
        int colon = uri.indexOf(':');
        return colon < 0 ? "" : uri.substring(0, colon);
    }

    /** The first line holding the text, 1-based; the first line when it is not there as written. */
    static int lineOf(String text, String needle) {
        int at = needle == null ? -1 : text.indexOf(needle);
        return at < 0
                ? 1
                : (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private static int markedLine(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYamlEngineException marked) {
                return line(marked);
            }
        }
        return 1;
    }

    private static int line(MarkedYamlEngineException e) {
        return e.getProblemMark().or(e::getContextMark).map(Mark::getLine).orElse(0) + 1;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return firstLine(String.valueOf(root.getMessage()));
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
