package org.contacthub.failure;

/** A replay or discard that cannot be done as asked: already resolved, not replayable, or without a reason. */
class FailedMessageRefused extends RuntimeException {

    FailedMessageRefused(String message) {
        super(message);
    }
}
