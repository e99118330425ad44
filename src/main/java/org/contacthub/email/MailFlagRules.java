package org.contacthub.email;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.contacthub.load.MailFlags;

/**
 * Decides a message's flags from its fetched header fields. The sender's address is looked at here,
 * in memory, only to tell internal mail and delivery reports apart; it leaves this class as a flag.
 */
final class MailFlagRules {

    private static final Set<String> BULK_PRECEDENCE = Set.of("bulk", "list", "junk");
    private static final Set<String> REPORTING_SENDERS = Set.of("mailer-daemon", "postmaster");
    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*(-?\\d+(?:\\.\\d+)?)");

    private final List<String> ownDomains;
    private final String spamHeader;
    private final double spamThreshold;

    MailFlagRules(List<String> ownDomains, String spamHeader, double spamThreshold) {
        this.ownDomains = ownDomains.stream()
                .map(domain -> domain.trim().toLowerCase(Locale.ROOT))
                .filter(domain -> !domain.isEmpty())
                .toList();
        this.spamHeader = spamHeader.toLowerCase(Locale.ROOT);
        this.spamThreshold = spamThreshold;
    }

    /**
     * Classifies one message.
     *
     * @param headers the first value of each fetched header, keyed by lower-case name
     * @throws MalformedMessageException when the From field is present but is not an address
     */
    MailFlags classify(Map<String, String> headers) throws MalformedMessageException {
        String sender = senderAddress(headers.get("from"));
        boolean bounce = isBounce(headers, sender);
        boolean autoReply = !bounce && isAutoReply(headers);
        return new MailFlags(autoReply, isBulk(headers), bounce, isInternal(sender), isSpam(headers));
    }

    private static boolean isBounce(Map<String, String> headers, String sender) {
        boolean nullReturnPath = "<>".equals(squeeze(headers.get("return-path")));
        boolean autoSubmitted = headers.containsKey("auto-submitted");
        return REPORTING_SENDERS.contains(localPart(sender)) || (nullReturnPath && !autoSubmitted);
    }

    private static boolean isAutoReply(Map<String, String> headers) {
        String autoSubmitted = lower(headers.get("auto-submitted"));
        boolean submitted = !autoSubmitted.isEmpty() && !autoSubmitted.startsWith("no");
        return submitted || lower(headers.get("precedence")).equals("auto_reply");
    }

    private static boolean isBulk(Map<String, String> headers) {
        return headers.containsKey("list-id")
                || headers.containsKey("list-unsubscribe")
                || BULK_PRECEDENCE.contains(lower(headers.get("precedence")));
    }

    private boolean isInternal(String sender) {
        int at = sender.lastIndexOf('@');
        if (at < 0) {
            return false;
        }
        String domain = sender.substring(at + 1);
        return ownDomains.stream().anyMatch(own -> domain.equals(own) || domain.endsWith("." + own));
    }

    private boolean isSpam(Map<String, String> headers) {
        String value = headers.get(spamHeader);
        if (value == null) {
            return false;
        }
        Matcher number = LEADING_NUMBER.matcher(value);
        return number.find() && Double.parseDouble(number.group(1)) >= spamThreshold;
    }

    /** The first sender address in lower case, or empty when there is none. */
    private static String senderAddress(String from) throws MalformedMessageException {
        if (from == null || from.isBlank()) {
            return "";
        }
        try {
            InternetAddress[] addresses = InternetAddress.parseHeader(unfold(from), true);
            return addresses.length == 0 ? "" : lower(addresses[0].getAddress());
        } catch (AddressException e) {
            throw new MalformedMessageException("The From field is not an address");
        }
    }

    private static String localPart(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? address : address.substring(0, at);
    }

    private static String unfold(String value) {
        return value.replaceAll("\\r?\\n(?=[ \\t])", "");
    }

    private static String squeeze(String value) {
        return value == null ? "" : value.replaceAll("\\s", "");
    }

    private static String lower(String value) {
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    }
}
