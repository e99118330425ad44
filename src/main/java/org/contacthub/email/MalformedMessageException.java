package org.contacthub.email;

/** A message whose fetched fields cannot be read; its reason names the field, never its content. */
final class MalformedMessageException extends Exception {

    MalformedMessageException(String reason) {
        super(reason);
    }
}
