package org.contacthub.failure;

import org.apache.camel.Exchange;

/**
 * What a failed exchange is kept as: its source, the unit that failed, how it is found again and
 * where a replay sends it. Only the phone route's file name and the email route's inbox address are read
 * from the exchange, never its body, so no call row or mail reaches the store.
 */
record FailedInput(
        String source, String messageKey, String unit, String entryPoint, String payload, String payloadType) {

    static FailedInput of(String routeId, Exchange exchange, String errorFolder) {
        return switch (routeId) {
            case "collect-phone-files" ->
                phoneFile(exchange.getIn().getHeader(Exchange.FILE_NAME, String.class), errorFolder);
            case "collect-form-pages" -> poll("webform", ReplayEntryPoints.FORM_PAGES);
            case "collect-inbox-mail" -> inbox(exchange.getIn().getHeader(Replays.MESSAGE_KEY, String.class));
            default -> poll(routeId, null);
        };
    }

    private static FailedInput phoneFile(String fileName, String errorFolder) {
        String reference = errorFolder + "/" + fileName;
        return new FailedInput("phone", fileName, "file", ReplayEntryPoints.PHONE_FILE, reference, "file-reference");
    }

    /** A group inbox's poll, keyed on the inbox's address; a failure before the split has no inbox yet. */
    private static FailedInput inbox(String address) {
        if (address == null || address.isBlank()) {
            return poll("email", null);
        }
        return new FailedInput("email", address, "inbox", ReplayEntryPoints.INBOX_MAIL, null, null);
    }

    private static FailedInput poll(String source, String entryPoint) {
        return new FailedInput(source, "poll", "poll", entryPoint, null, null);
    }
}
