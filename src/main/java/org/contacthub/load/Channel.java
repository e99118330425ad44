package org.contacthub.load;

/** The ways the public contacts the council; stored in lower case. */
public enum Channel {
    PHONE,
    EMAIL,
    WEBFORM;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Channel fromCode(String code) {
        return valueOf(code.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
