package org.contacthub.registry;

import java.util.List;

/**
 * The registry file as read: its good entries and every other data line with the reason it was set aside.
 *
 * @param name the file name, without its folder
 * @param dataLines the lines that are neither the header, a comment nor blank
 * @param entries the good entries, in file order
 * @param problems the lines set aside, in file order
 */
record RegistryFile(String name, int dataLines, List<ContactPoint> entries, List<RegistryProblem> problems) {

    RegistryFile {
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
    }
}
