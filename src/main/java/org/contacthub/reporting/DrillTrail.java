package org.contacthub.reporting;

import java.util.ArrayList;
import java.util.List;

/**
 * The breadcrumbs of a drill-down, from the council to where the view is now.
 *
 * @param label what the crumb shows
 * @param query the query string that goes back to it
 */
record DrillTrail(String label, String query) {

    static List<DrillTrail> of(DashboardFilter filter) {
        List<DrillTrail> trail = new ArrayList<>();
        DashboardFilter council = filter.withDepartment(null);
        trail.add(new DrillTrail("Council", council.query()));
        if (filter.department() != null) {
            trail.add(
                    new DrillTrail(filter.department(), filter.withService(null).query()));
        }
        if (filter.service() != null) {
            trail.add(new DrillTrail(
                    filter.service(), filter.withContactPoint(null, null).query()));
        }
        if (filter.contactPoint() != null) {
            trail.add(new DrillTrail(filter.contactPoint(), filter.query()));
        }
        return trail;
    }
}
