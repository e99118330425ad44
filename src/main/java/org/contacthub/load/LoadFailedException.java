package org.contacthub.load;

/** The database refused or lost a load; nothing of the run was committed and the source is not acknowledged. */
public class LoadFailedException extends RuntimeException {

    public LoadFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
