package org.contacthub.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhoneLayoutTests {

    private static final Path CANONICAL = Path.of("config/layouts/canonical.yaml");
    private static final Path LEGACY = Path.of("config/layouts/legacy-logger.yaml");

    @TempDir
    Path folder;

    @Test
    void loadsTheShippedLayouts() {
        PhoneLayout layout = PhoneLayout.load(CANONICAL);

        assertThat(layout.id()).isEqualTo("canonical");
        assertThat(layout.description()).isNotBlank();
        assertThat(layout.matches("", "canonical-2025-11-30.csv")).isTrue();
        assertThat(layout.matches("", "contact-centre-2025-11-30.csv")).isFalse();
    }

    @Test
    void namesTheFileAndTheProblemForYamlThatDoesNotParse() throws IOException {
        Path file = write("canonical.yaml", "id: canonical\ncolumns: [unclosed\n");

        assertThatThrownBy(() -> PhoneLayout.load(file))
                .isInstanceOf(InvalidLayoutException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void refusesALayoutWithoutADialledNumberColumn() throws IOException {
        Path file = variant(CANONICAL, "  dialled-number: dialled_number\n", "");

        assertThatThrownBy(() -> PhoneLayout.load(file))
                .isInstanceOf(InvalidLayoutException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("columns.dialled-number is required");
    }

    @Test
    void refusesACallIdDerivedFromAPersonalColumn() throws IOException {
        Path file = variant(LEGACY, "call-id-from: [Date/Time,", "call-id-from: [Date/Time, CLI,");

        assertThatThrownBy(() -> PhoneLayout.load(file))
                .isInstanceOf(InvalidLayoutException.class)
                .hasMessageContaining("legacy-logger.yaml")
                .hasMessageContaining("column CLI is listed in columns.personal");
    }

    @Test
    void refusesAPersonalColumnUsedAsACallField() throws IOException {
        Path file = variant(CANONICAL, "personal: [caller_number]", "personal: [caller_number, dialled_number]");

        assertThatThrownBy(() -> PhoneLayout.load(file)).hasMessageContaining("column dialled_number is listed");
    }

    @Test
    void refusesAnUnknownKey() throws IOException {
        Path file = variant(CANONICAL, "durations: seconds", "duration: seconds");

        assertThatThrownBy(() -> PhoneLayout.load(file)).hasMessageContaining("unknown key duration");
    }

    @Test
    void refusesAnOutcomeThatIsNotOneOfTheHubsThree() throws IOException {
        Path file = variant(CANONICAL, "voicemail: other", "voicemail: missed");

        assertThatThrownBy(() -> PhoneLayout.load(file))
                .hasMessageContaining("outcome.words.voicemail must be answered, abandoned or other");
    }

    @Test
    void refusesLocalTimesWithoutAZone() throws IOException {
        Path file = variant(LEGACY, "  zone: Europe/London\n", "");

        assertThatThrownBy(() -> PhoneLayout.load(file)).hasMessageContaining("times.zone must say where");
    }

    @Test
    void refusesAZoneForTimesThatCarryTheirOffset() throws IOException {
        Path file = variant(CANONICAL, "durations: seconds", "durations: seconds\ntimes:\n  zone: Europe/London");

        assertThatThrownBy(() -> PhoneLayout.load(file)).isInstanceOf(InvalidLayoutException.class);
    }

    @Test
    void refusesAnIdThatDoesNotMatchTheFileName() throws IOException {
        Path file = write("other.yaml", Files.readString(CANONICAL));

        assertThatThrownBy(() -> PhoneLayout.load(file))
                .hasMessageContaining("does not match the file name other.yaml");
    }

    @Test
    void refusesAnInvalidTimePattern() throws IOException {
        Path file = variant(LEGACY, "\"dd/MM/yyyy HH:mm:ss\"", "\"dd/MM/yyyy HH:mm:ss bb\"");

        assertThatThrownBy(() -> PhoneLayout.load(file)).hasMessageContaining("times.formats");
    }

    private Path variant(Path shipped, String from, String to) throws IOException {
        String text = Files.readString(shipped);
        assertThat(text).contains(from);
        return write(shipped.getFileName().toString(), text.replace(from, to));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text);
    }
}
