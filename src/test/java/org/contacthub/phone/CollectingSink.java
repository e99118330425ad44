package org.contacthub.phone;

import java.util.ArrayList;
import java.util.List;
import org.contacthub.load.ContactRecord;
import org.contacthub.load.ContactSink;
import org.contacthub.load.Rejection;

/** A sink for tests that keeps everything it is given, in order. */
public final class CollectingSink implements ContactSink {

    public final List<ContactRecord> accepted = new ArrayList<>();
    public final List<Rejection> rejected = new ArrayList<>();

    @Override
    public void accept(ContactRecord contact) {
        accepted.add(contact);
    }

    @Override
    public void reject(Rejection rejection) {
        rejected.add(rejection);
    }

    public ContactRecord atLine(long line) {
        return accepted.stream()
                .filter(call -> call.sourceLine() == line)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no call from line " + line));
    }

    /** Everything the parser produced, as text, for checking that no personal value slipped through. */
    public String everything() {
        StringBuilder text = new StringBuilder();
        accepted.forEach(call -> text.append(call).append('\n'));
        rejected.forEach(rejection -> text.append(rejection).append('\n'));
        return text.toString();
    }
}
