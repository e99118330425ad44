package org.contacthub.webform;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.contacthub.load.Channel;
import org.contacthub.load.ContactRecord;
import org.contacthub.load.Rejection;
import org.contacthub.registry.ContactPointIdentifiers;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a page of the submissions list into contacts, rejections and skipped items, reading only
 * the mapped fields. A page that breaks the contract as a whole is a {@link BrokenPageException};
 * one bad item is a rejection and the rest of the page still loads.
 */
final class SubmissionPageReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String platform;
    private final Set<String> countedStates;
    private final MappedFields fields;
    private final WebformSettings.FieldMapping mapping;

    SubmissionPageReader(WebformSettings settings) {
        this.platform = settings.platform();
        this.countedStates = settings.countedStateSet();
        this.fields = new MappedFields(settings.mapping());
        this.mapping = settings.mapping();
    }

    /** Reads one page; {@code location} names the page in rejections, such as {@code page 3}. */
    SubmissionPage read(String body, String location) {
        JsonNode page = parse(body);
        JsonNode items = fields.items(page);
        JsonNode hasMore = fields.hasMore(page);
        JsonNode nextCursor = fields.nextCursor(page);
        requireContract(page, items.isArray(), "has no list of items at " + mapping.items());
        requireContract(page, hasMore.isBoolean(), "has no true or false at " + mapping.hasMore());
        requireContract(
                page,
                nextCursor.isMissingNode() || nextCursor.isNull() || nextCursor.isString(),
                "has a cursor at " + mapping.nextCursor() + " that is not text");
        String cursor = nextCursor.isString() && !nextCursor.stringValue().isBlank() ? nextCursor.stringValue() : null;
        requireContract(page, !hasMore.booleanValue() || cursor != null, "says it has more but gives no cursor");
        return readItems(items, location, cursor, hasMore.booleanValue());
    }

    private JsonNode parse(String body) {
        try {
            JsonNode page = JSON.readTree(body);
            if (page == null || !page.isObject()) {
                throw new BrokenPageException("The page is not a JSON object", null);
            }
            return page;
        } catch (JacksonException e) {
            // Jackson's own message quotes the body, which might hold answers, so only the position is kept.
            var at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new BrokenPageException("The page is not valid JSON" + where, null);
        }
    }

    private void requireContract(JsonNode page, boolean kept, String breach) {
        if (!kept) {
            throw new BrokenPageException(
                    "The page " + breach, fields.strippedPage(page).toString());
        }
    }

    private SubmissionPage readItems(JsonNode items, String location, String cursor, boolean hasMore) {
        List<ContactRecord> contacts = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        int skipped = 0;
        Instant newest = null;
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            try {
                Instant updated = instant(item, mapping.updatedAt(), false);
                newest = newest == null || (updated != null && updated.isAfter(newest)) ? updated : newest;
                Optional<ContactRecord> contact = contact(item);
                contact.ifPresent(contacts::add);
                skipped += contact.isPresent() ? 0 : 1;
            } catch (BadItem e) {
                String where = "item " + (i + 1) + " of " + location;
                rejections.add(new Rejection(
                        where, e.getMessage(), fields.strippedItem(item).toString()));
            }
        }
        return new SubmissionPage(contacts, rejections, skipped, cursor, hasMore, newest);
    }

    /** The contact, or empty for a test, a draft or any state that does not count. */
    private Optional<ContactRecord> contact(JsonNode item) throws BadItem {
        if (!item.isObject()) {
            throw new BadItem("The item is not a JSON object");
        }
        String id = text(item, mapping.submissionId(), "submission id");
        String form = ContactPointIdentifiers.normalise(Channel.WEBFORM, text(item, mapping.formId(), "form id"))
                .orElseThrow(() -> new BadItem("The form id is blank"));
        String state = text(item, mapping.state(), "state").trim().toLowerCase(Locale.ROOT);
        Instant occurred = instant(item, mapping.occurredAt(), true);
        if (isTest(item) || !countedStates.contains(state)) {
            return Optional.empty();
        }
        return Optional.of(ContactRecord.submission(form, occurred, platform + ":" + id, platform, state));
    }

    private boolean isTest(JsonNode item) throws BadItem {
        JsonNode flag = item.at(JsonPointer.compile(mapping.isTest()));
        if (flag.isMissingNode() || flag.isNull()) {
            return false;
        }
        if (!flag.isBoolean()) {
            throw new BadItem("The test flag at " + mapping.isTest() + " is not true or false");
        }
        return flag.booleanValue();
    }

    private static String text(JsonNode item, String pointer, String what) throws BadItem {
        JsonNode value = item.at(JsonPointer.compile(pointer));
        if (!(value.isString() || value.isIntegralNumber()) || value.asString().isBlank()) {
            throw new BadItem("The " + what + " at " + pointer + " is missing or not text");
        }
        return value.asString();
    }

    private static Instant instant(JsonNode item, String pointer, boolean required) throws BadItem {
        JsonNode value = item.at(JsonPointer.compile(pointer));
        if (!required && (value.isMissingNode() || value.isNull())) {
            return null;
        }
        if (!value.isString()) {
            throw new BadItem("The time at " + pointer + " is missing or not text");
        }
        try {
            return OffsetDateTime.parse(value.stringValue()).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadItem("The time at " + pointer + " is not an ISO-8601 date and time with an offset");
        }
    }

    /** One item's data is unusable; the item is rejected and the page goes on. */
    private static final class BadItem extends Exception {

        BadItem(String reason) {
            super(reason, null, false, false);
        }
    }
}
