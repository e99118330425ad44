package org.contacthub.phone;

/** One row cannot become a call; thrown without a stack trace because bad rows are routine, not exceptional. */
final class RowRejected extends RuntimeException {

    RowRejected(String reason) {
        super(reason, null, false, false);
    }
}
