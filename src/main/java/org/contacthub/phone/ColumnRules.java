package org.contacthub.phone;

import java.util.HashSet;
import java.util.Set;

/** The checks a layout's column mapping must pass: a start and a call id given one way only, nothing personal read. */
final class ColumnRules {

    private final LayoutColumns columns;

    ColumnRules(LayoutColumns columns) {
        this.columns = columns;
    }

    void check() {
        checkStart();
        checkCallId();
        checkNothingPersonalRead();
        checkPersonalNotAlsoOther();
    }

    private void checkStart() {
        boolean single = columns.start() != null;
        boolean split = columns.startDate() != null || columns.startTime() != null;
        if (single == split) {
            throw new IllegalArgumentException("columns must give either start, or start-date with start-time");
        }
        if (split && (columns.startDate() == null || columns.startTime() == null)) {
            throw new IllegalArgumentException("columns.start-date and columns.start-time go together");
        }
    }

    private void checkCallId() {
        boolean column = columns.callId() != null;
        boolean derived = !columns.callIdFrom().isEmpty();
        if (column == derived) {
            throw new IllegalArgumentException("columns must give call-id or call-id-from, not both or neither");
        }
        Set<String> distinct = new HashSet<>();
        for (String name : columns.callIdFrom()) {
            if (!distinct.add(LayoutColumns.key(name))) {
                throw new IllegalArgumentException("columns.call-id-from lists " + name + " twice");
            }
        }
    }

    private void checkNothingPersonalRead() {
        for (String name : columns.mapped()) {
            if (columns.isPersonal(name)) {
                throw new IllegalArgumentException("column " + name + " is listed in columns.personal, so the hub "
                        + "may not read it (it is used as a call field, call id or in call-id-from)");
            }
        }
    }

    private void checkPersonalNotAlsoOther() {
        for (String name : columns.other()) {
            if (columns.personal().contains(name)) {
                throw new IllegalArgumentException("column " + name + " is in columns.personal and columns.other");
            }
        }
    }
}
