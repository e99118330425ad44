package org.contacthub.phone;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;

/**
 * One telephony vendor's call-record file layout, read from a YAML file in the layouts folder: which files it
 * applies to, how they are written, which header names hold the call's fields and which columns are personal.
 */
public final class PhoneLayout {

    private final String id;
    private final String description;
    private final String folder;
    private final String fileNameGlob;
    private final PathMatcher fileName;
    private final CsvFormat csv;
    private final LayoutColumns columns;
    private final StartTimes startTimes;
    private final DurationFormat durations;
    private final OutcomeWords outcomes;

    PhoneLayout(
            String id,
            String description,
            String folder,
            String fileNameGlob,
            CsvFormat csv,
            LayoutColumns columns,
            StartTimes startTimes,
            DurationFormat durations,
            OutcomeWords outcomes) {
        this.id = id;
        this.description = description;
        this.folder = folder;
        this.fileNameGlob = fileNameGlob;
        this.fileName = FileSystems.getDefault().getPathMatcher("glob:" + fileNameGlob);
        this.csv = csv;
        this.columns = columns;
        this.startTimes = startTimes;
        this.durations = durations;
        this.outcomes = outcomes;
    }

    /** Reads and fully checks one layout file; a broken file throws {@link InvalidLayoutException}. */
    public static PhoneLayout load(Path file) {
        return new LayoutFile(file).read();
    }

    /** The layout's id, the first part of every natural key it produces. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** The drop sub-folder the layout's files arrive in, or an empty string when any folder will do. */
    public String folder() {
        return folder;
    }

    public String fileNameGlob() {
        return fileNameGlob;
    }

    /** True when a file at this path within the drop (folder and name, separated by '/') is in this layout. */
    public boolean matches(String folderName, String name) {
        return (folder.isEmpty() || folder.equals(folderName)) && fileName.matches(Path.of(name));
    }

    CsvFormat csv() {
        return csv;
    }

    LayoutColumns columns() {
        return columns;
    }

    StartTimes startTimes() {
        return startTimes;
    }

    DurationFormat durations() {
        return durations;
    }

    OutcomeWords outcomes() {
        return outcomes;
    }

    @Override
    public String toString() {
        return "phone layout " + id;
    }
}
