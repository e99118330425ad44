package org.contacthub.phone;

import java.util.HashMap;
import java.util.Map;
import org.contacthub.registry.ContactPointIdentifiers;

/**
 * The E.164 spelling of each dialled number seen in one file. A file holds only the council's few numbers, so
 * each spelling is normalised once rather than on every row.
 */
final class DialledNumbers {

    private static final int MAX_REMEMBERED = 10_000;
    private static final String NOT_A_NUMBER = "";

    private final Map<String, String> normalised = new HashMap<>();

    /** The E.164 number, or null when the text cannot be a phone number. */
    String normalise(String raw) {
        String number = normalised.get(raw);
        if (number == null) {
            number = ContactPointIdentifiers.phoneNumber(raw).orElse(NOT_A_NUMBER);
            if (normalised.size() < MAX_REMEMBERED) {
                normalised.put(raw, number);
            }
        }
        return number.isEmpty() ? null : number;
    }
}
