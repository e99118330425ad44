package org.contacthub.email;

/**
 * How far one folder has been read: every UID up to {@code highestUid} under this UIDVALIDITY is
 * counted. A cursor whose UIDVALIDITY differs from the server's no longer says anything.
 */
record FolderCursor(long uidValidity, long highestUid) {

    boolean validFor(long serverUidValidity) {
        return uidValidity == serverUidValidity;
    }
}
