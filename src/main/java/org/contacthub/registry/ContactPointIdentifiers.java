package org.contacthub.registry;

import java.util.Locale;
import java.util.Optional;
import org.contacthub.load.Channel;

/**
 * Puts identifiers into the one spelling the database keys on, so that "01632 960 001",
 * "+44 (0)1632 960001" and "441632960001" are the same contact point.
 */
public final class ContactPointIdentifiers {

    private static final int UK_NATIONAL_DIGITS_MIN = 9;
    private static final int UK_NATIONAL_DIGITS_MAX = 10;

    private ContactPointIdentifiers() {}

    /** The normalised identifier, or empty when the value cannot be one for that channel. */
    public static Optional<String> normalise(Channel channel, String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        return switch (channel) {
            case PHONE -> phoneNumber(raw);
            case EMAIL -> inbox(raw);
            case WEBFORM -> Optional.of(raw.trim());
        };
    }

    /** A UK number in any common spelling as E.164; other international numbers keep their digits. */
    public static Optional<String> phoneNumber(String raw) {
        String compact = raw.trim().replace("(0)", "").replaceAll("[\\s\\-().]", "");
        if (compact.startsWith("+")) {
            compact = "00" + compact.substring(1);
        }
        if (!compact.matches("\\d{6,16}")) {
            return Optional.empty();
        }
        if (compact.startsWith("0044")) {
            return ukNational(compact.substring(4));
        }
        if (compact.startsWith("00")) {
            return Optional.of("+" + compact.substring(2));
        }
        if (compact.startsWith("44") && compact.length() >= 11) {
            return ukNational(compact.substring(2));
        }
        if (compact.startsWith("0")) {
            return ukNational(compact.substring(1));
        }
        return Optional.empty();
    }

    private static Optional<String> ukNational(String digits) {
        String national = digits.startsWith("0") ? digits.substring(1) : digits;
        if (national.length() < UK_NATIONAL_DIGITS_MIN || national.length() > UK_NATIONAL_DIGITS_MAX) {
            return Optional.empty();
        }
        return Optional.of("+44" + national);
    }

    private static Optional<String> inbox(String raw) {
        String address = raw.trim().toLowerCase(Locale.ROOT);
        int at = address.indexOf('@');
        boolean plausible = at > 0 && at == address.lastIndexOf('@') && at < address.length() - 1;
        return plausible && !address.contains(" ") ? Optional.of(address) : Optional.empty();
    }
}
