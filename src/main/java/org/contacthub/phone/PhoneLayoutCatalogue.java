package org.contacthub.phone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.contacthub.load.UnreadableInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every vendor layout in a folder (config/layouts in production), and the choice of layout for a file arriving
 * in the drop. A layout tied to a sub-folder wins over one that takes its file name from any folder.
 */
public final class PhoneLayoutCatalogue {

    private static final Logger log = LoggerFactory.getLogger(PhoneLayoutCatalogue.class);

    private final List<PhoneLayout> layouts;

    /** Loads and checks every *.yaml file in the folder; one broken file stops the catalogue loading. */
    public PhoneLayoutCatalogue(Path folder) {
        this.layouts = List.copyOf(load(folder));
        if (layouts.isEmpty()) {
            throw new InvalidLayoutException("No phone layouts (*.yaml) in " + folder);
        }
        log.debug("Loaded {} phone layouts from {}", layouts.size(), folder);
    }

    public List<PhoneLayout> layouts() {
        return layouts;
    }

    /**
     * The layout for a file, given its path relative to the drop ("name.csv" or "folder/name.csv"), or an
     * {@link UnreadableInputException} when no layout, or more than one equally specific layout, claims it.
     */
    public PhoneLayout layoutFor(String relativePath) {
        String path = relativePath.replace('\\', '/');
        int slash = path.lastIndexOf('/');
        String folder = slash < 0 ? "" : path.substring(0, slash).replaceAll("^/+", "");
        String name = path.substring(slash + 1);
        List<PhoneLayout> inFolder = new ArrayList<>();
        List<PhoneLayout> anywhere = new ArrayList<>();
        for (PhoneLayout layout : layouts) {
            if (layout.matches(folder, name)) {
                (layout.folder().isEmpty() ? anywhere : inFolder).add(layout);
            }
        }
        return only(relativePath, inFolder.isEmpty() ? anywhere : inFolder);
    }

    private PhoneLayout only(String relativePath, List<PhoneLayout> candidates) {
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (candidates.isEmpty()) {
            throw new UnreadableInputException("No phone layout matches file " + relativePath + "; layouts expect "
                    + expectations() + ". Add a layout in config/layouts or rename the file");
        }
        throw new UnreadableInputException("File " + relativePath + " matches more than one phone layout: "
                + candidates.stream().map(PhoneLayout::id).toList() + "; make their files.name patterns distinct");
    }

    private String expectations() {
        List<String> expected = new ArrayList<>();
        for (PhoneLayout layout : layouts) {
            String where = layout.folder().isEmpty() ? "" : layout.folder() + "/";
            expected.add(where + layout.fileNameGlob() + " (" + layout.id() + ")");
        }
        return String.join(", ", expected);
    }

    private static List<PhoneLayout> load(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".yaml"))
                    .sorted()
                    .map(PhoneLayout::load)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list phone layouts in " + folder, e);
        }
    }
}
