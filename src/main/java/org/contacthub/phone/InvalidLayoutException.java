package org.contacthub.phone;

/** A vendor layout file that cannot be used, with a message naming the file and what is wrong in it. */
public class InvalidLayoutException extends RuntimeException {

    public InvalidLayoutException(String message) {
        super(message);
    }

    public InvalidLayoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
