package org.contacthub.registry;

import java.util.List;

/**
 * What one load of the registry file did to the contact_point table.
 *
 * @param runId the collection run recording the load
 * @param file the registry file name
 * @param read the data lines in the file, not counting the header, comments and blank lines
 * @param loaded the entries now registered
 * @param removed the registered rows deleted because the file no longer lists them
 * @param placeholdersReplaced the unregistered placeholders deleted because their contact point is now registered
 * @param problems the lines set aside, in file order
 */
public record RegistryLoad(
        long runId,
        String file,
        int read,
        int loaded,
        int removed,
        int placeholdersReplaced,
        List<RegistryProblem> problems) {

    public RegistryLoad {
        problems = List.copyOf(problems);
    }

    /** The number of lines set aside. */
    public int rejected() {
        return problems.size();
    }
}
