package org.contacthub.phone;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.contacthub.load.UnreadableInputException;

/**
 * Where a file's header puts each column its layout reads, and which columns may be shown in a rejected record.
 * A column the layout names neither as read, personal nor other is treated as personal, so a column a vendor adds
 * later cannot leak into rejection text.
 */
final class HeaderColumns {

    static final int ABSENT = -1;

    final int count;
    final int dialledNumber;
    final int start;
    final int startDate;
    final int startTime;
    final int waitSeconds;
    final int talkSeconds;
    final int outcome;
    final int callId;
    final int transferGroup;
    final int[] callIdFrom;
    final boolean[] shown;
    final String[] names;

    private final Map<String, Integer> positions = new HashMap<>();
    private final List<String> missing = new ArrayList<>();

    HeaderColumns(CsvLine header, PhoneLayout layout, String fileName) {
        count = header.count();
        names = new String[count];
        shown = new boolean[count];
        LayoutColumns columns = layout.columns();
        for (int i = 0; i < count; i++) {
            names[i] = header.text(i);
            shown[i] = columns.isShown(names[i]);
            if (positions.putIfAbsent(LayoutColumns.key(names[i]), i) != null && readsColumn(columns, names[i])) {
                throw new UnreadableInputException("File " + fileName + " has column " + names[i] + " twice, so "
                        + "layout " + layout.id() + " cannot tell which one to read");
            }
        }
        dialledNumber = required(columns.dialledNumber());
        start = optional(columns.start());
        startDate = optional(columns.startDate());
        startTime = optional(columns.startTime());
        waitSeconds = optional(columns.waitSeconds());
        talkSeconds = optional(columns.talkSeconds());
        outcome = required(columns.outcome());
        callId = optional(columns.callId());
        transferGroup = optional(columns.transferGroup());
        callIdFrom = columns.callIdFrom().stream().mapToInt(this::required).toArray();
        if (!missing.isEmpty()) {
            throw new UnreadableInputException("File " + fileName + " does not have the header layout " + layout.id()
                    + " expects: no column " + String.join(", ", missing));
        }
    }

    private static boolean readsColumn(LayoutColumns columns, String name) {
        return columns.mapped().stream()
                .anyMatch(mapped -> LayoutColumns.key(mapped).equals(LayoutColumns.key(name)));
    }

    private int required(String name) {
        Integer position = positions.get(LayoutColumns.key(name));
        if (position == null) {
            missing.add(name);
            return ABSENT;
        }
        return position;
    }

    private int optional(String name) {
        return name == null ? ABSENT : required(name);
    }
}
