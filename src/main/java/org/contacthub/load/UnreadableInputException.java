package org.contacthub.load;

/**
 * The input as a whole cannot be read (wrong layout, no header, not text), as opposed to one bad
 * record in it. Its run fails with this message and nothing from it is loaded.
 */
public class UnreadableInputException extends RuntimeException {

    public UnreadableInputException(String message) {
        super(message);
    }

    public UnreadableInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
