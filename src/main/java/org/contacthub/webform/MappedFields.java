package org.contacthub.webform;

import java.util.List;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The mapping's JSON pointers, and the copy of a page or item that keeps only the values they point
 * at: whatever else a platform sends, such as the form's answers, is left behind.
 */
final class MappedFields {

    private final JsonPointer items;
    private final JsonPointer nextCursor;
    private final JsonPointer hasMore;
    private final List<JsonPointer> itemFields;

    MappedFields(WebformSettings.FieldMapping mapping) {
        this.items = pointer(mapping.items());
        this.nextCursor = pointer(mapping.nextCursor());
        this.hasMore = pointer(mapping.hasMore());
        this.itemFields =
                mapping.itemPointers().stream().map(MappedFields::pointer).toList();
    }

    static JsonPointer pointer(String expression) {
        JsonPointer pointer = JsonPointer.compile(expression);
        if (pointer.matches()) {
            throw new IllegalArgumentException("A webform mapping pointer must name a field, not the whole document");
        }
        return pointer;
    }

    JsonNode items(JsonNode page) {
        return page.at(items);
    }

    JsonNode nextCursor(JsonNode page) {
        return page.at(nextCursor);
    }

    JsonNode hasMore(JsonNode page) {
        return page.at(hasMore);
    }

    /** The page with only the paging fields and each item's mapped fields. */
    ObjectNode strippedPage(JsonNode page) {
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        copyValue(page, nextCursor, kept);
        copyValue(page, hasMore, kept);
        JsonNode list = page.at(items);
        if (list.isArray()) {
            ArrayNode keptItems = JsonNodeFactory.instance.arrayNode();
            list.forEach(item -> keptItems.add(strippedItem(item)));
            putAt(kept, items, keptItems);
        }
        return kept;
    }

    /** The item with only its mapped fields; an item that is not an object keeps nothing. */
    ObjectNode strippedItem(JsonNode item) {
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        if (item.isObject()) {
            itemFields.forEach(field -> copyValue(item, field, kept));
        }
        return kept;
    }

    /** Copies a scalar only: a mapped field that holds an object or array could hold anything. */
    private static void copyValue(JsonNode from, JsonPointer pointer, ObjectNode to) {
        JsonNode value = from.at(pointer);
        if (value.isValueNode()) {
            putAt(to, pointer, value);
        }
    }

    private static void putAt(ObjectNode target, JsonPointer pointer, JsonNode value) {
        ObjectNode node = target;
        JsonPointer rest = pointer;
        while (!rest.tail().matches()) {
            String name = rest.getMatchingProperty();
            node = node.get(name) instanceof ObjectNode existing ? existing : node.putObject(name);
            rest = rest.tail();
        }
        node.set(rest.getMatchingProperty(), value);
    }
}
