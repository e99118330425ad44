package org.contacthub.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A few thousand made-up submissions over recent weeks across the sample registry's forms, with
 * tests, drafts and later updates among them. The answers are obviously fake; the hub drops them anyway.
 */
final class DemoSubmissions {

    private static final String JSON = """
                    {"submissionId":"%s","formId":"%s","formAlias":"%s","state":"%s","isTest":%s,\
                    "createdAt":"%s","updatedAt":"%s","deletedAt":null,\
                    "answers":{"name":"Demo Person","details":"Sample text for the demo"}}""";

    private static final String[][] FORMS = {
        {"report-a-pothole", "Report a pothole", "30"},
        {"missed-bin-collection", "Missed bin", "25"},
        {"contact-us", "Contact us", "15"},
        {"apply-blue-badge", "Blue Badge", "10"},
        {"council-tax-single-person-discount", "Single person discount", "10"},
        {"school-place-application", "School place", "6"},
        {"register-a-death-appointment", "Register a death", "4"},
    };

    /**
     * One submission as the demo API serves it.
     *
     * @param updatedAt when it last changed; the list is ordered by it
     */
    record Submission(
            String id, String formId, String alias, String state, boolean test, Instant createdAt, Instant updatedAt) {

        String json() {
            return JSON.formatted(id, formId, alias, state, test, createdAt, updatedAt);
        }
    }

    private DemoSubmissions() {}

    /** The same submissions for the same end time and count, so a restarted demo serves what it served before. */
    static List<Submission> generate(Instant until, int count) {
        Random random = new Random(20221101L);
        Duration span = Duration.ofDays(42);
        List<Submission> submissions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String[] form = pickForm(random);
            Instant created = until.minusSeconds((long) (random.nextDouble() * span.toSeconds()));
            int roll = random.nextInt(100);
            String state = roll < 8 ? "draft" : "submitted";
            Instant updated = created.plusSeconds(roll < 70 ? 0 : random.nextInt(3600));
            String id = "demo-%06d".formatted(i + 1);
            submissions.add(new Submission(id, form[0], form[1], state, roll >= 95, created, updated));
        }
        submissions.sort(Comparator.comparing(Submission::updatedAt).thenComparing(Submission::id));
        return submissions;
    }

    private static String[] pickForm(Random random) {
        int roll = random.nextInt(100);
        for (String[] form : FORMS) {
            roll -= Integer.parseInt(form[2]);
            if (roll < 0) {
                return form;
            }
        }
        return FORMS[0];
    }
}
