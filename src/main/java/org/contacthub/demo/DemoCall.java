package org.contacthub.demo;

import java.time.ZonedDateTime;
import org.contacthub.load.CallOutcome;

/**
 * One generated call as the demo files describe it. The caller is the last three digits of a number in the
 * Ofcom drama mobile range 07700 900000-900999, so no real person's number can appear.
 */
record DemoCall(
        ZonedDateTime start,
        String number,
        int callerSuffix,
        int waitSeconds,
        int talkSeconds,
        CallOutcome outcome,
        int legs,
        int sequence) {

    String callerNational() {
        return "07700900" + threeDigits();
    }

    String callerInternational() {
        return "+447700900" + threeDigits();
    }

    /** The council's number in national spelling ("01632960001") when it is a UK number. */
    String nationalNumber() {
        return number.startsWith("+44") ? "0" + number.substring(3) : number;
    }

    private String threeDigits() {
        return String.format("%03d", callerSuffix);
    }
}
