package org.contacthub.email;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes a message's natural key: a keyed hash, so that the stored key can neither be reversed nor
 * matched against a Message-ID by anyone without the key. The inbox is part of the hash because one
 * message sent to two group inboxes is a contact with each; the same message in two folders of one
 * inbox is one contact. One instance serves one poll on one thread.
 */
final class MessageKeys {

    static final int MIN_KEY_LENGTH = 32;

    private static final String ALGORITHM = "HmacSHA256";

    private final Mac mac;

    MessageKeys(String key) {
        if (key == null || key.length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException("The message-key HMAC key (CONTACTHUB_MAIL_HMAC_KEY) must be set, at least "
                    + MIN_KEY_LENGTH + " characters");
        }
        try {
            mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
    }

    /** The key of a message that has a Message-ID, whichever folder or UID it has. */
    String byMessageId(String inbox, String messageId) {
        return "m:" + hash(inbox + "\n" + messageId.trim());
    }

    /** The key of a message without a Message-ID: its place in the folder, valid while UIDVALIDITY is. */
    String byPlace(String inbox, String folder, long uidValidity, long uid) {
        return "u:" + hash(inbox + "\n" + folder + "\n" + uidValidity + "\n" + uid);
    }

    private String hash(String text) {
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
