package org.contacthub.failure;

/** No failed message has the id asked for. */
class FailedMessageNotFound extends RuntimeException {

    FailedMessageNotFound(long id) {
        super("There is no failed message " + id);
    }
}
