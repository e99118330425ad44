package org.contacthub.phone;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.contacthub.load.CallOutcome;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads one layout YAML file and checks all of it before the hub relies on it, so that a mistake in a layout
 * stops the hub at start-up with the file and the problem named, rather than rejecting every row later.
 */
final class LayoutFile {

    private static final String ID_SHAPE = "[a-z0-9][a-z0-9-]*";
    private static final int MAX_LAYOUT_BYTES = 64 * 1024;

    private final Path file;

    LayoutFile(Path file) {
        this.file = file;
    }

    PhoneLayout read() {
        try {
            return layout(LayoutSection.root(document()));
        } catch (IllegalArgumentException e) {
            throw new InvalidLayoutException("Phone layout " + file + ": " + e.getMessage(), e);
        }
    }

    private Object document() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_LAYOUT_BYTES);
        options.setAllowDuplicateKeys(false);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new Yaml(new SafeConstructor(options)).load(reader);
        } catch (IOException e) {
            throw new InvalidLayoutException("Phone layout " + file + " cannot be read: " + e.getMessage(), e);
        } catch (YAMLException e) {
            throw new InvalidLayoutException("Phone layout " + file + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    private PhoneLayout layout(LayoutSection root) {
        String id = id(root.text("id"));
        String description = root.text("description");
        LayoutSection files = root.section("files");
        String glob = glob(files.text("name"));
        String folder = folder(files.optionalText("folder", ""));
        files.checkAllRead();
        CsvFormat csv = csv(root.section("csv"));
        LayoutSection columnSection = root.section("columns");
        LayoutSection outcomeSection = root.section("outcome");
        LayoutColumns columns = columns(columnSection, outcomeSection.text("column"));
        OutcomeWords outcomes = outcomes(outcomeSection);
        StartTimes startTimes = startTimes(root.section("times"), columns);
        DurationFormat durations = DurationFormat.fromKey(root.optionalText("durations", "seconds"));
        root.checkAllRead();
        return new PhoneLayout(id, description, folder, glob, csv, columns, startTimes, durations, outcomes);
    }

    private String id(String id) {
        if (!id.matches(ID_SHAPE)) {
            throw new IllegalArgumentException("id '" + id + "' must be lower-case letters, digits and hyphens");
        }
        String expected = id + ".yaml";
        String actual = file.getFileName().toString();
        if (!actual.equals(expected)) {
            throw new IllegalArgumentException(
                    "id '" + id + "' does not match the file name " + actual + "; name the file " + expected);
        }
        return id;
    }

    private static String glob(String glob) {
        if (glob.contains("/") || glob.contains("\\")) {
            throw new IllegalArgumentException("files.name is a file-name pattern; put a folder in files.folder");
        }
        return glob;
    }

    private static String folder(String folder) {
        String trimmed = folder.replace('\\', '/').replaceAll("^/+|/+$", "");
        if (trimmed.contains("..")) {
            throw new IllegalArgumentException("files.folder must stay inside the drop");
        }
        return trimmed;
    }

    private static CsvFormat csv(LayoutSection section) {
        Charset encoding = encoding(section.optionalText("encoding", "UTF-8"));
        char delimiter = singleCharacter(section, "delimiter", ",");
        char quote = singleCharacter(section, "quote", "\"");
        int headerLine = section.number("header-line", 1);
        section.checkAllRead();
        if (delimiter == quote) {
            throw new IllegalArgumentException("csv.delimiter and csv.quote must differ");
        }
        if (headerLine < 1) {
            throw new IllegalArgumentException("csv.header-line counts from 1");
        }
        return new CsvFormat(encoding, delimiter, quote, headerLine);
    }

    private static Charset encoding(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("csv.encoding '" + name + "' is not an encoding Java knows");
        }
    }

    private static char singleCharacter(LayoutSection section, String key, String fallback) {
        String value = section.optionalSpacing(key, fallback);
        String character = value.equals("\\t") ? "\t" : value;
        if (character.length() != 1 || character.charAt(0) == '\n' || character.charAt(0) == '\r') {
            throw new IllegalArgumentException(section.name(key) + " must be one character, not '" + value + "'");
        }
        return character.charAt(0);
    }

    private static LayoutColumns columns(LayoutSection section, String outcomeColumn) {
        LayoutColumns columns = new LayoutColumns(
                section.text("dialled-number"),
                section.optionalText("start", null),
                section.optionalText("start-date", null),
                section.optionalText("start-time", null),
                section.optionalText("wait", null),
                section.optionalText("talk", null),
                outcomeColumn,
                section.optionalText("call-id", null),
                section.texts("call-id-from"),
                section.optionalText("transfer-group", null),
                keys(section.texts("personal")),
                keys(section.texts("other")));
        section.checkAllRead();
        new ColumnRules(columns).check();
        return columns;
    }

    private static Set<String> keys(List<String> names) {
        Set<String> keys = new LinkedHashSet<>();
        names.forEach(name -> keys.add(LayoutColumns.key(name)));
        return Set.copyOf(keys);
    }

    private static OutcomeWords outcomes(LayoutSection section) {
        Map<String, CallOutcome> words = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        section.textMap("words").forEach((word, meaning) -> {
            if (!seen.add(word.trim().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("outcome.words lists '" + word + "' twice");
            }
            words.put(word, outcome(meaning, "outcome.words." + word));
        });
        String digits = section.optionalText("all-digits", null);
        section.checkAllRead();
        if (words.isEmpty()) {
            throw new IllegalArgumentException("outcome.words must list at least one word");
        }
        return new OutcomeWords(words, digits == null ? null : outcome(digits, "outcome.all-digits"));
    }

    private static CallOutcome outcome(String meaning, String key) {
        for (CallOutcome outcome : CallOutcome.values()) {
            if (outcome.code().equals(meaning.trim().toLowerCase(Locale.ROOT))) {
                return outcome;
            }
        }
        throw new IllegalArgumentException(key + " must be answered, abandoned or other, not '" + meaning + "'");
    }

    private static StartTimes startTimes(LayoutSection section, LayoutColumns columns) {
        List<TimePattern> dateTimes = patterns(section, "formats");
        List<TimePattern> dates = patterns(section, "date-formats");
        List<TimePattern> times = patterns(section, "time-formats");
        String zoneName = section.optionalText("zone", null);
        section.checkAllRead();
        ZoneId zone = zone(zoneName);
        StartTimes startTimes = new StartTimes(dateTimes, dates, times, zone);
        new TimeRules(startTimes, columns).check();
        return startTimes;
    }

    private static List<TimePattern> patterns(LayoutSection section, String key) {
        List<TimePattern> patterns = new ArrayList<>();
        for (String text : section.texts(key)) {
            try {
                patterns.add(TimePattern.of(text));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(section.name(key) + ": " + e.getMessage());
            }
        }
        return List.copyOf(patterns);
    }

    private static ZoneId zone(String name) {
        if (name == null) {
            return null;
        }
        try {
            return ZoneId.of(name);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("times.zone '" + name + "' is not a zone such as Europe/London");
        }
    }
}
