package org.contacthub.load;

/**
 * An input record that could not become a contact, set aside with its reason.
 *
 * @param location where it is in its source, such as {@code line 42}
 * @param reason what is wrong, in words support staff can act on
 * @param record the raw record with every personal field already removed
 */
public record Rejection(String location, String reason, String record) {}
