package org.contacthub.email;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.ComparisonTerm;
import jakarta.mail.search.ReceivedDateTerm;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.contacthub.load.ContactRecord;
import org.contacthub.load.ContactSink;
import org.contacthub.load.MailFlags;
import org.contacthub.load.Rejection;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the new messages of one folder without changing it: the folder is opened read-only
 * (EXAMINE), and only UIDs, INTERNALDATEs and a fixed list of header fields are fetched, with
 * BODY.PEEK so that not even a server that ignores read-only access would mark anything read.
 */
final class FolderReader {

    /** The only header fields ever fetched; the spam-score field is added from the settings. */
    static final List<String> COUNTED_FIELDS = List.of(
            "Message-ID", "Date", "Auto-Submitted", "Precedence", "List-Id", "List-Unsubscribe", "Return-Path", "From");

    private static final Logger log = LoggerFactory.getLogger(FolderReader.class);
    private static final int FETCH_BATCH = 500;

    private final MailFlagRules rules;
    private final MessageKeys keys;
    private final Instant countFrom;
    private final List<String> fields;
    private final FetchProfile profile = new FetchProfile();

    FolderReader(MailFlagRules rules, MessageKeys keys, Instant countFrom, String spamHeader) {
        this.rules = rules;
        this.keys = keys;
        this.countFrom = countFrom;
        List<String> names = new ArrayList<>(COUNTED_FIELDS);
        names.add(spamHeader);
        this.fields = List.copyOf(names);
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(IMAPFolder.FetchProfileItem.INTERNALDATE);
        fields.forEach(profile::add);
    }

    /**
     * Hands every message above the cursor to the sink and returns the cursor to save once they are
     * committed. Without a cursor, or when UIDVALIDITY has changed, the folder is read again from the
     * start date; the loader then skips what it already holds.
     */
    FolderCursor read(IMAPFolder folder, String inbox, Optional<FolderCursor> previous, ContactSink sink)
            throws MessagingException {
        folder.open(Folder.READ_ONLY);
        try {
            return readOpen(folder, inbox, previous, sink);
        } finally {
            closeQuietly(folder);
        }
    }

    private FolderCursor readOpen(IMAPFolder folder, String inbox, Optional<FolderCursor> previous, ContactSink sink)
            throws MessagingException {
        long uidValidity = folder.getUIDValidity();
        long uidNext = folder.getUIDNext();
        Optional<FolderCursor> valid = previous.filter(cursor -> cursor.validFor(uidValidity));
        if (previous.isPresent() && valid.isEmpty()) {
            log.warn(
                    "Folder {} of inbox {} has a new UIDVALIDITY, reading it again from the start date",
                    folder.getFullName(),
                    inbox);
        }
        if (valid.isPresent() && uidNext > 0 && uidNext <= valid.get().highestUid() + 1) {
            return valid.get();
        }
        Message[] candidates = valid.isPresent()
                ? above(folder, valid.get().highestUid())
                : folder.search(new ReceivedDateTerm(ComparisonTerm.GE, Date.from(countFrom)));
        long highest = valid.map(FolderCursor::highestUid).orElse(Math.max(0, uidNext - 1));
        for (int from = 0; from < candidates.length; from += FETCH_BATCH) {
            Message[] batch = Arrays.copyOfRange(candidates, from, Math.min(candidates.length, from + FETCH_BATCH));
            folder.fetch(batch, profile);
            for (Message message : batch) {
                highest = Math.max(highest, emit(folder, inbox, uidValidity, message, sink));
                // The folder keeps every message it has handed out until it closes; dropping the fetched
                // headers once counted keeps a first sync of a large inbox from holding them all.
                ((IMAPMessage) message).invalidateHeaders();
            }
        }
        log.debug("Read {} messages of folder {} of inbox {}", candidates.length, folder.getFullName(), inbox);
        return new FolderCursor(uidValidity, highest);
    }

    /** Messages with a UID above the cursor; a UID range ending in * also returns the last message. */
    private static Message[] above(IMAPFolder folder, long highestUid) throws MessagingException {
        Message[] inRange = folder.getMessagesByUID(highestUid + 1, UIDFolder.MAXUID);
        List<Message> newer = new ArrayList<>(inRange.length);
        for (Message message : inRange) {
            if (message != null && folder.getUID(message) > highestUid) {
                newer.add(message);
            }
        }
        return newer.toArray(Message[]::new);
    }

    /** Gives one message to the sink and returns its UID, or 0 if a person deleted it meanwhile. */
    private long emit(IMAPFolder folder, String inbox, long uidValidity, Message message, ContactSink sink)
            throws MessagingException {
        try {
            long uid = folder.getUID(message);
            toSink(folder.getFullName(), inbox, uidValidity, uid, message, sink);
            return uid;
        } catch (MessageRemovedException e) {
            log.debug("A message of folder {} of inbox {} was deleted while it was read", folder.getFullName(), inbox);
            return 0;
        }
    }

    private void toSink(String folder, String inbox, long uidValidity, long uid, Message message, ContactSink sink)
            throws MessagingException {
        try {
            Date received = message.getReceivedDate();
            if (received == null) {
                throw new MalformedMessageException("The server gave no INTERNALDATE");
            }
            if (received.toInstant().isBefore(countFrom)) {
                return;
            }
            Map<String, String> headers = headers(message);
            MailFlags flags = rules.classify(headers);
            String messageId = headers.get("message-id");
            String key = messageId == null || messageId.isBlank()
                    ? keys.byPlace(inbox, folder, uidValidity, uid)
                    : keys.byMessageId(inbox, messageId);
            sink.accept(ContactRecord.mail(inbox, received.toInstant(), key, folder, uid, flags));
        } catch (MalformedMessageException e) {
            String place = "folder " + folder + " uid " + uid;
            sink.reject(new Rejection(place, e.getMessage(), "uidvalidity " + uidValidity + " uid " + uid));
        }
    }

    /** The first value of each fetched field; asking only for fetched fields keeps every read local. */
    private Map<String, String> headers(Message message) throws MessagingException {
        Map<String, String> values = new HashMap<>();
        for (String name : fields) {
            String[] found = message.getHeader(name);
            if (found != null && found.length > 0) {
                values.put(name.toLowerCase(Locale.ROOT), found[0]);
            }
        }
        return values;
    }

    private static void closeQuietly(Folder folder) {
        try {
            if (folder.isOpen()) {
                folder.close(false);
            }
        } catch (MessagingException e) {
            log.debug(
                    "Closing folder {} did not complete: {}",
                    folder.getFullName(),
                    e.getClass().getSimpleName());
        }
    }
}
