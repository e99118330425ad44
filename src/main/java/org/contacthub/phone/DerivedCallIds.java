package org.contacthub.phone;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A call id for vendors that write none: the SHA-256 of the row's values in the layout's call-id-from columns
 * (never personal ones), so the same row read again gets the same key.
 */
final class DerivedCallIds {

    private static final char SEPARATOR = '\u001F';

    private final MessageDigest sha256;
    private final StringBuilder joined = new StringBuilder();

    DerivedCallIds() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    String of(CsvLine line, int[] columns) {
        joined.setLength(0);
        for (int column : columns) {
            joined.append(line.values(), line.start(column), line.length(column))
                    .append(SEPARATOR);
        }
        byte[] digest = sha256.digest(joined.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }
}
