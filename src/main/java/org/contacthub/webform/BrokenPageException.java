package org.contacthub.webform;

/**
 * A page that is not JSON or breaks the contract as a whole. It is kept as a failed input and the
 * poll stops before it, so the cursor never passes a page that was not loaded.
 */
class BrokenPageException extends RuntimeException {

    private final String payload;

    /**
     * @param payload the page with every field outside the mapping removed, or null when nothing of it
     *     can be kept safely (a body that is not JSON might hold anything)
     */
    BrokenPageException(String message, String payload) {
        super(message);
        this.payload = payload;
    }

    String payload() {
        return payload;
    }
}
