package org.contacthub.phone;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One mapping of a layout file, read key by key with a clear complaint for a missing key, a value of the wrong
 * kind, or a key nobody reads (usually a typing slip that would otherwise be silently ignored).
 */
final class LayoutSection {

    private final String path;
    private final Map<String, Object> values;
    private final List<String> read = new ArrayList<>();

    private LayoutSection(String path, Map<String, Object> values) {
        this.path = path;
        this.values = values;
    }

    static LayoutSection root(Object document) {
        return new LayoutSection("", mapping("the file", document));
    }

    LayoutSection section(String key) {
        Object value = take(key);
        return new LayoutSection(name(key) + ".", value == null ? Map.of() : mapping(name(key), value));
    }

    String text(String key) {
        String value = optionalText(key, null);
        if (value == null) {
            throw new IllegalArgumentException(name(key) + " is required");
        }
        return value;
    }

    String optionalText(String key, String fallback) {
        String text = optionalSpacing(key, null);
        if (text == null) {
            return fallback;
        }
        if (text.isBlank()) {
            throw new IllegalArgumentException(name(key) + " is empty");
        }
        return text;
    }

    /** Text that may be only white space, such as a tab delimiter. */
    String optionalSpacing(String key, String fallback) {
        Object value = take(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException(name(key) + " must be text; put the value in quotes");
        }
        return text;
    }

    int number(String key, int fallback) {
        Object value = take(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Integer number)) {
            throw new IllegalArgumentException(name(key) + " must be a whole number");
        }
        return number;
    }

    List<String> texts(String key) {
        Object value = take(key);
        if (value == null) {
            return List.of();
        }
        List<?> items = value instanceof List<?> list ? list : List.of(value);
        List<String> texts = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof String text) || text.isBlank()) {
                throw new IllegalArgumentException(name(key) + " must be a list of non-empty texts");
            }
            texts.add(text);
        }
        return texts;
    }

    /** A mapping of texts to texts, such as outcome words, in file order. */
    Map<String, String> textMap(String key) {
        Map<String, Object> raw = mapping(name(key), take(key));
        Map<String, String> texts = new LinkedHashMap<>();
        raw.forEach((word, meaning) -> {
            if (!(word instanceof String) || !(meaning instanceof String text)) {
                throw new IllegalArgumentException(
                        name(key) + " entry " + word + " must map text to text; put yes/no/true/false in quotes");
            }
            texts.put(word, text);
        });
        return texts;
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    /** Fails when the file has a key in this mapping that nothing read. */
    void checkAllRead() {
        TreeSet<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(read);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown key " + name(unknown.first()) + " (a typing slip?)");
        }
    }

    String name(String key) {
        return path + key;
    }

    private Object take(String key) {
        read.add(key);
        return values.get(key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapping(String name, Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(name + " must be a mapping of keys to values");
        }
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                throw new IllegalArgumentException(name + " has a key that is not text: " + key);
            }
        }
        return (Map<String, Object>) map;
    }
}
