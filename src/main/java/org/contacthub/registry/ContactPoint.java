package org.contacthub.registry;

import java.time.LocalDate;
import org.contacthub.load.Channel;

/**
 * One registry entry: what a council phone number, group inbox or web form is, for the days the entry covers.
 *
 * @param channel how the public reaches it
 * @param identifier the normalised number, inbox address or form id
 * @param name what the public knows it as
 * @param service the service that answers it
 * @param department the department the service sits in
 * @param publicFacing false for a line or inbox meant for staff and partners only
 * @param validFrom the first day the entry applies, null when it has always applied
 * @param validTo the last day the entry applies, null when it still applies
 * @param verifiedBy the team that last checked the entry, null when nobody has
 * @param verifiedOn the day it was last checked, null when nobody has
 */
public record ContactPoint(
        Channel channel,
        String identifier,
        String name,
        String service,
        String department,
        boolean publicFacing,
        LocalDate validFrom,
        LocalDate validTo,
        String verifiedBy,
        LocalDate verifiedOn) {

    /** Whether this entry describes its contact point on the given day. */
    public boolean appliesOn(LocalDate day) {
        return startsOnOrBefore(day) && (validTo == null || !validTo.isBefore(day));
    }

    boolean overlaps(ContactPoint other) {
        return channel == other.channel
                && identifier.equals(other.identifier)
                && startsOnOrBefore(other.validTo)
                && other.startsOnOrBefore(validTo);
    }

    private boolean startsOnOrBefore(LocalDate day) {
        return day == null || validFrom == null || !validFrom.isAfter(day);
    }
}
