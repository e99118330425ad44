package org.contacthub.load;

import java.util.Locale;

/** What happened to a call, whatever words the telephony vendor uses for it. */
public enum CallOutcome {
    ANSWERED,
    ABANDONED,
    OTHER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
