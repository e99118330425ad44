package org.contacthub.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A temporary routes folder for tests that edit route files while a hub watches them. */
final class RouteFolder {

    private RouteFolder() {}

    /** A new folder holding copies of the named files from the shipped {@code routes/}. */
    static Path copyOf(String... files) {
        try {
            Path folder = Files.createTempDirectory("routes");
            for (String file : files) {
                Files.copy(Path.of("routes", file), folder.resolve(file));
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
