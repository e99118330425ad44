package org.contacthub.load;

import java.time.Instant;
import java.util.Objects;

/**
 * One contact from any channel, in the single shape the loader stores. Personal fields never reach
 * this type: each channel drops them while parsing.
 *
 * @param channel how the public made contact
 * @param contactPoint the normalised identifier of the number, inbox or form that was contacted
 * @param occurredAt when the contact happened
 * @param naturalKey the key that makes a reload of the same input add nothing, unique per channel
 * @param sourceRef where it came from: a file name, an inbox folder, a form platform
 * @param sourceLine the line or position within the source, 0 when there is none
 * @param timeAmbiguous the local time fell in the repeated autumn hour and the earlier offset was used
 * @param outcome calls only: answered, abandoned or other
 * @param waitSeconds calls only: time queued before answer or abandon
 * @param talkSeconds calls only: time talking
 * @param autoReply mail only: sent by an automatic responder
 * @param bulk mail only: a list or bulk mailing
 * @param bounce mail only: a delivery failure report
 * @param internal mail only: sent from one of the council's own domains
 * @param spam mail only: marked as spam by the mail server
 * @param formState webforms only: the submission's state when it was counted
 */
public record ContactRecord(
        Channel channel,
        String contactPoint,
        Instant occurredAt,
        String naturalKey,
        String sourceRef,
        long sourceLine,
        boolean timeAmbiguous,
        String outcome,
        Integer waitSeconds,
        Integer talkSeconds,
        Boolean autoReply,
        Boolean bulk,
        Boolean bounce,
        Boolean internal,
        Boolean spam,
        String formState) {

    public ContactRecord {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(contactPoint, "contactPoint");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(naturalKey, "naturalKey");
    }

    /** A telephone call to one of the council's numbers. */
    public static ContactRecord call(
            String number,
            Instant startedAt,
            String callKey,
            String file,
            long line,
            boolean timeAmbiguous,
            CallOutcome outcome,
            Integer waitSeconds,
            Integer talkSeconds) {
        return new ContactRecord(
                Channel.PHONE,
                number,
                startedAt,
                callKey,
                file,
                line,
                timeAmbiguous,
                outcome.code(),
                waitSeconds,
                talkSeconds,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** A message that arrived in one of the council's group inboxes. */
    public static ContactRecord mail(
            String inbox, Instant receivedAt, String messageKey, String folder, long uid, MailFlags flags) {
        return new ContactRecord(
                Channel.EMAIL,
                inbox,
                receivedAt,
                messageKey,
                folder,
                uid,
                false,
                null,
                null,
                null,
                flags.autoReply(),
                flags.bulk(),
                flags.bounce(),
                flags.internal(),
                flags.spam(),
                null);
    }

    /** A submission of one of the council's web forms. */
    public static ContactRecord submission(
            String formId, Instant submittedAt, String submissionKey, String platform, String state) {
        return new ContactRecord(
                Channel.WEBFORM,
                formId,
                submittedAt,
                submissionKey,
                platform,
                0,
                false,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                state);
    }
}
