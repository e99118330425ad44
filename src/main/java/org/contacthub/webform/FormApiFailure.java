package org.contacthub.webform;

/** The forms API could not be read, even after retries; the poll stops and the cursor stays where it was. */
class FormApiFailure extends RuntimeException {

    private final boolean needsPerson;

    FormApiFailure(String message, boolean needsPerson) {
        super(message);
        this.needsPerson = needsPerson;
    }

    static FormApiFailure refused(String message) {
        return new FormApiFailure(message, true);
    }

    static FormApiFailure gaveUp(String message) {
        return new FormApiFailure(message, false);
    }

    /** The API turned the request down for good (credentials, path); retrying cannot help until a person acts. */
    boolean needsPerson() {
        return needsPerson;
    }
}
