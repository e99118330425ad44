package org.contacthub.reporting;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.StringJoiner;

/**
 * What a dashboard view looks at: a period of reporting days and how far it has drilled down, from
 * the whole council to a department, a service, or one contact point.
 *
 * @param from the first reporting day (Europe/London), inclusive
 * @param to the last reporting day, inclusive
 * @param grain the length of one point on the trend
 * @param department the department drilled into, or null for the whole council
 * @param service the service drilled into, or null
 * @param channel the channel of the contact point drilled into, or null
 * @param contactPoint the contact point's identifier drilled into, or null
 * @param unverifiedOnly whether the verification table lists only contact points nobody has verified
 */
public record DashboardFilter(
        LocalDate from,
        LocalDate to,
        Grain grain,
        String department,
        String service,
        String channel,
        String contactPoint,
        boolean unverifiedOnly) {

    public DashboardFilter {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("The period must start on or before its end");
        }
        department = blankToNull(department);
        service = blankToNull(service);
        channel = blankToNull(channel);
        contactPoint = channel == null ? null : blankToNull(contactPoint);
    }

    /** The whole council over a period, at the grain that suits its length. */
    public static DashboardFilter council(LocalDate from, LocalDate to) {
        return new DashboardFilter(from, to, Grain.suiting(from, to), null, null, null, null, false);
    }

    public DashboardFilter withDepartment(String newDepartment) {
        return new DashboardFilter(from, to, grain, newDepartment, null, null, null, unverifiedOnly);
    }

    public DashboardFilter withService(String newService) {
        return new DashboardFilter(from, to, grain, department, newService, null, null, unverifiedOnly);
    }

    public DashboardFilter withContactPoint(String newChannel, String identifier) {
        return new DashboardFilter(from, to, grain, department, service, newChannel, identifier, unverifiedOnly);
    }

    public DashboardFilter withUnverifiedOnly(boolean only) {
        return new DashboardFilter(from, to, grain, department, service, channel, contactPoint, only);
    }

    /** How deep the view has drilled. */
    public Level level() {
        if (contactPoint != null) {
            return Level.CONTACT_POINT;
        }
        if (service != null) {
            return Level.SERVICE;
        }
        return department != null ? Level.DEPARTMENT : Level.COUNCIL;
    }

    /** The query string that shows this view again, for links, CSV downloads and the page's form. */
    public String query() {
        StringJoiner query = new StringJoiner("&");
        add(query, "from", from.toString());
        add(query, "to", to.toString());
        add(query, "grain", grain.name().toLowerCase(java.util.Locale.ROOT));
        add(query, "department", department);
        add(query, "service", service);
        add(query, "channel", channel);
        add(query, "point", contactPoint);
        add(query, "unverified", unverifiedOnly ? "true" : null);
        return query.toString();
    }

    private static void add(StringJoiner query, String name, String value) {
        if (value != null) {
            query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    /** The levels of the drill-down, from the top. */
    public enum Level {
        COUNCIL,
        DEPARTMENT,
        SERVICE,
        CONTACT_POINT
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
