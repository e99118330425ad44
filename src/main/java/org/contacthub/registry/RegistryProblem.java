package org.contacthub.registry;

/**
 * A registry file line that was set aside, with the reason the integration team needs to fix it.
 *
 * @param line the line number in the file, counting from 1 and including the header and comments
 * @param reason what is wrong with the line
 * @param record the line as written
 */
public record RegistryProblem(int line, String reason, String record) {

    /** Where the line is, in the form rejected records use. */
    public String location() {
        return "line " + line;
    }
}
