package org.contacthub.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.contacthub.load.UnreadableInputException;

/**
 * Reads the registry file line by line, so that one bad line is set aside with its line number while every
 * other line still loads.
 */
final class RegistryFileReader {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final String fileName;
    private final List<NumberedEntry> accepted = new ArrayList<>();
    private final List<RegistryProblem> problems = new ArrayList<>();
    private int lineNumber;
    private int dataLines;
    private boolean headerSeen;

    private RegistryFileReader(String fileName) {
        this.fileName = fileName;
    }

    /** The file's entries and problems; throws when the file as a whole cannot be read. */
    static RegistryFile read(Path file) {
        String name = fileName(file);
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new RegistryFileReader(name).read(reader);
        } catch (NoSuchFileException e) {
            throw new UnreadableInputException("Registry file " + name + " does not exist", e);
        } catch (CharacterCodingException e) {
            throw new UnreadableInputException("Registry file " + name + " is not UTF-8 text", e);
        } catch (IOException e) {
            throw new UnreadableInputException("Registry file " + name + " cannot be read: " + e.getMessage(), e);
        }
    }

    static String fileName(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    private RegistryFile read(BufferedReader reader) throws IOException {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            take(lineNumber == 1 ? withoutByteOrderMark(line) : line);
        }
        if (!headerSeen) {
            throw new UnreadableInputException("Registry file " + fileName + " has no header row");
        }
        List<ContactPoint> entries = accepted.stream().map(NumberedEntry::entry).toList();
        return new RegistryFile(fileName, dataLines, entries, problems);
    }

    private void take(String line) {
        if (line.isBlank() || line.stripLeading().startsWith("#")) {
            return;
        }
        if (!headerSeen) {
            checkHeader(line);
            headerSeen = true;
            return;
        }
        dataLines++;
        try {
            accept(RegistryLine.parse(line));
        } catch (BadRegistryLine e) {
            problems.add(new RegistryProblem(lineNumber, e.getMessage(), line));
        }
    }

    private void checkHeader(String line) {
        List<String> columns;
        try {
            columns = CsvLine.split(line.toLowerCase(Locale.ROOT));
        } catch (BadRegistryLine e) {
            columns = List.of();
        }
        if (!columns.equals(RegistryLine.COLUMNS)) {
            throw new UnreadableInputException("Registry file " + fileName + " header on line " + lineNumber
                    + " must be " + String.join(",", RegistryLine.COLUMNS));
        }
    }

    private void accept(ContactPoint entry) throws BadRegistryLine {
        for (NumberedEntry earlier : accepted) {
            if (earlier.entry().equals(entry)) {
                throw new BadRegistryLine("duplicate of line " + earlier.line());
            }
            if (earlier.entry().overlaps(entry)) {
                throw new BadRegistryLine("validity period overlaps line " + earlier.line() + " for the same "
                        + entry.channel().code() + " identifier");
            }
        }
        accepted.add(new NumberedEntry(lineNumber, entry));
    }

    private static String withoutByteOrderMark(String line) {
        return !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK ? line.substring(1) : line;
    }

    private record NumberedEntry(int line, ContactPoint entry) {}
}
