package org.contacthub.registry;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.contacthub.load.Channel;

/** Turns one data line of the registry file into an entry, or says why it cannot be one. */
final class RegistryLine {

    static final List<String> COLUMNS = List.of(
            "channel",
            "identifier",
            "name",
            "service",
            "department",
            "public_facing",
            "valid_from",
            "valid_to",
            "verified_by",
            "verified_on");

    private RegistryLine() {}

    static ContactPoint parse(String line) throws BadRegistryLine {
        List<String> fields = CsvLine.split(line);
        if (fields.size() != COLUMNS.size()) {
            throw new BadRegistryLine("expected " + COLUMNS.size() + " columns but found " + fields.size());
        }
        Channel channel = channel(fields.get(0));
        LocalDate validFrom = date(fields.get(6), "valid_from");
        LocalDate validTo = date(fields.get(7), "valid_to");
        if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
            throw new BadRegistryLine("valid_to is before valid_from");
        }
        return new ContactPoint(
                channel,
                identifier(channel, fields.get(1)),
                required(fields.get(2), "name"),
                required(fields.get(3), "service"),
                required(fields.get(4), "department"),
                publicFacing(fields.get(5)),
                validFrom,
                validTo,
                fields.get(8).isEmpty() ? null : fields.get(8),
                date(fields.get(9), "verified_on"));
    }

    private static Channel channel(String value) throws BadRegistryLine {
        try {
            return Channel.fromCode(value);
        } catch (IllegalArgumentException e) {
            throw new BadRegistryLine("unknown channel '" + value + "', expected phone, email or webform");
        }
    }

    private static String identifier(Channel channel, String value) throws BadRegistryLine {
        if (value.isEmpty()) {
            throw new BadRegistryLine("identifier is missing");
        }
        return ContactPointIdentifiers.normalise(channel, value)
                .orElseThrow(() -> new BadRegistryLine("identifier is not a valid " + kind(channel)));
    }

    private static String kind(Channel channel) {
        return switch (channel) {
            case PHONE -> "UK or international phone number";
            case EMAIL -> "email address";
            case WEBFORM -> "form id";
        };
    }

    private static String required(String value, String column) throws BadRegistryLine {
        if (value.isEmpty()) {
            throw new BadRegistryLine(column + " is missing");
        }
        return value;
    }

    private static boolean publicFacing(String value) throws BadRegistryLine {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw new BadRegistryLine("public_facing must be true, false, yes or no");
        };
    }

    private static LocalDate date(String value, String column) throws BadRegistryLine {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRegistryLine(column + " is not a date written as yyyy-MM-dd");
        }
    }
}
