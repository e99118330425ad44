package org.contacthub.registry;

import java.util.ArrayList;
import java.util.List;

/** Splits one line of comma-separated text, honouring double-quoted fields that hold commas or doubled quotes. */
final class CsvLine {

    private final String text;
    private final List<String> fields = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();
    private boolean quoted;
    private int position;

    private CsvLine(String text) {
        this.text = text;
    }

    /** The line's fields, each with surrounding spaces removed. */
    static List<String> split(String line) throws BadRegistryLine {
        return new CsvLine(line).fields();
    }

    private List<String> fields() throws BadRegistryLine {
        for (position = 0; position < text.length(); position++) {
            take(text.charAt(position));
        }
        if (quoted) {
            throw new BadRegistryLine("a quoted field is not closed");
        }
        endField();
        return fields;
    }

    private void take(char c) {
        if (quoted) {
            takeQuoted(c);
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            endField();
        } else {
            field.append(c);
        }
    }

    private void takeQuoted(char c) {
        boolean doubledQuote = c == '"' && position + 1 < text.length() && text.charAt(position + 1) == '"';
        if (doubledQuote) {
            field.append('"');
            position++;
        } else if (c == '"') {
            quoted = false;
        } else {
            field.append(c);
        }
    }

    private void endField() {
        fields.add(field.toString().strip());
        field.setLength(0);
    }
}
