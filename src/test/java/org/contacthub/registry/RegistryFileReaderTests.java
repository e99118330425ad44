package org.contacthub.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.contacthub.load.Channel;
import org.contacthub.load.UnreadableInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryFileReaderTests {

    private static final String HEADER =
            "channel,identifier,name,service,department,public_facing,valid_from,valid_to,verified_by,verified_on";

    @TempDir
    Path folder;

    @Test
    void readsQuotedFieldsThatHoldCommasAndQuotes() throws IOException {
        Path file = registry("email,highways@northshire.example,\"Roads, \"\"potholes\"\" and lights\","
                + "Highways,\"Roads, Highways and Transport\",true,,,,");

        RegistryFile read = RegistryFileReader.read(file);

        assertThat(read.problems()).isEmpty();
        assertThat(read.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.name()).isEqualTo("Roads, \"potholes\" and lights");
            assertThat(entry.department()).isEqualTo("Roads, Highways and Transport");
        });
    }

    @Test
    void normalisesIdentifiersAndReadsEveryColumn() throws IOException {
        Path file = registry(
                "phone,01632 960001,Customer Contact Centre,Customer Services,Corporate Services,yes,"
                        + "2023-04-01,2025-03-31,Contact Centre Operations,2024-05-14",
                "EMAIL,Council.Tax@Northshire.example,Council Tax inbox,Revenues and Benefits,Finance,NO,,,,");

        RegistryFile read = RegistryFileReader.read(file);

        assertThat(read.entries())
                .containsExactly(
                        new ContactPoint(
                                Channel.PHONE,
                                "+441632960001",
                                "Customer Contact Centre",
                                "Customer Services",
                                "Corporate Services",
                                true,
                                LocalDate.of(2023, 4, 1),
                                LocalDate.of(2025, 3, 31),
                                "Contact Centre Operations",
                                LocalDate.of(2024, 5, 14)),
                        new ContactPoint(
                                Channel.EMAIL,
                                "council.tax@northshire.example",
                                "Council Tax inbox",
                                "Revenues and Benefits",
                                "Finance",
                                false,
                                null,
                                null,
                                null,
                                null));
    }

    @Test
    void skipsCommentsBlankLinesAndAByteOrderMark() throws IOException {
        Path file = folder.resolve("registry.csv");
        Files.writeString(
                file,
                "\uFEFF# comment before the header\n" + HEADER + "\n\n   \n  # indented comment\n"
                        + "webform,contact-us,Contact us,Customer Services,Corporate Services,true,,,,\n",
                StandardCharsets.UTF_8);

        RegistryFile read = RegistryFileReader.read(file);

        assertThat(read.dataLines()).isEqualTo(1);
        assertThat(read.entries()).extracting(ContactPoint::identifier).containsExactly("contact-us");
        assertThat(read.problems()).isEmpty();
    }

    @Test
    void setsAsideEachBadLineWithItsNumberAndReason() throws IOException {
        Path file = registry(
                "phone,01632 960001,Contact Centre,Customer Services,Corporate Services,true,,,,",
                "phone,01632 960010,Council Tax,Revenues and Benefits,Finance,true,,",
                "fax,01632 960011,Fax,Revenues and Benefits,Finance,true,,,,",
                "phone,01632 96,Short,Revenues and Benefits,Finance,true,,,,",
                "email,council.tax,Inbox,Revenues and Benefits,Finance,true,,,,",
                "phone,01632 960020,Adults,Adult Social Care,Adults and Health,true,2024-02-30,,,",
                "phone,01632 960030,Highways,Highways,Environment,true,2024-04-01,2024-03-31,,",
                "phone,01632 960040,Admissions,Education,Children's Services,maybe,,,,",
                "phone,+441632960001,Contact Centre,Customer Services,Corporate Services,true,,,,",
                "phone,01632 960001,Contact Centre,Customer Services,Corporate Services,true,2024-01-01,,,",
                "webform,contact-us,,Customer Services,Corporate Services,true,,,,",
                "webform,\"contact-us,Contact us,Customer Services,Corporate Services,true,,,,",
                "phone,01632 960060,Register Office,Registration,Corporate Services,true,,,Registration,14/05/2024");

        RegistryFile read = RegistryFileReader.read(file);

        assertThat(read.dataLines()).isEqualTo(13);
        assertThat(read.entries()).extracting(ContactPoint::identifier).containsExactly("+441632960001");
        assertThat(read.problems())
                .extracting(RegistryProblem::line, RegistryProblem::reason)
                .containsExactly(
                        tuple(3, "expected 10 columns but found 8"),
                        tuple(4, "unknown channel 'fax', expected phone, email or webform"),
                        tuple(5, "identifier is not a valid UK or international phone number"),
                        tuple(6, "identifier is not a valid email address"),
                        tuple(7, "valid_from is not a date written as yyyy-MM-dd"),
                        tuple(8, "valid_to is before valid_from"),
                        tuple(9, "public_facing must be true, false, yes or no"),
                        tuple(10, "duplicate of line 2"),
                        tuple(11, "validity period overlaps line 2 for the same phone identifier"),
                        tuple(12, "name is missing"),
                        tuple(13, "a quoted field is not closed"),
                        tuple(14, "verified_on is not a date written as yyyy-MM-dd"));
        assertThat(read.problems().get(0).record())
                .isEqualTo("phone,01632 960010,Council Tax,Revenues and Benefits,Finance,true,,");
    }

    @Test
    void acceptsBackToBackValidityPeriodsButNotOneSharedDay() throws IOException {
        Path file = registry(
                "email,waste@northshire.example,Waste,Waste Services,Environment,true,,2024-03-31,,",
                "email,waste@northshire.example,Waste,Waste Services,Place,true,2024-04-01,2024-12-31,,",
                "email,waste@northshire.example,Waste,Waste Services,Place,true,2024-12-31,,,");

        RegistryFile read = RegistryFileReader.read(file);

        assertThat(read.entries()).extracting(ContactPoint::department).containsExactly("Environment", "Place");
        assertThat(read.problems())
                .singleElement()
                .satisfies(problem -> assertThat(problem.reason()).contains("overlaps line 3"));
    }

    @Test
    void refusesAFileWithAWrongHeader() throws IOException {
        Path file = folder.resolve("registry.csv");
        Files.writeString(file, "channel,identifier,name\nphone,01632 960001,Contact Centre\n");

        assertThatThrownBy(() -> RegistryFileReader.read(file))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("header on line 1 must be channel,identifier,name,service");
    }

    @Test
    void refusesAFileWithoutAHeader() throws IOException {
        Path file = folder.resolve("registry.csv");
        Files.writeString(file, "# nothing but a comment\n\n");

        assertThatThrownBy(() -> RegistryFileReader.read(file))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage("Registry file registry.csv has no header row");
    }

    @Test
    void refusesAFileThatIsNotUtf8() throws IOException {
        Path file = folder.resolve("registry.csv");
        Files.write(
                file,
                (HEADER + "\nwebform,contact-us,Caf\u00e9,Customer Services,Corporate,true,,,,\n")
                        .getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> RegistryFileReader.read(file))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage("Registry file registry.csv is not UTF-8 text");
    }

    @Test
    void refusesAMissingFile() {
        assertThatThrownBy(() -> RegistryFileReader.read(folder.resolve("absent.csv")))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage("Registry file absent.csv does not exist");
    }

    private Path registry(String... lines) throws IOException {
        Path file = folder.resolve("registry.csv");
        Files.write(file, concat(HEADER, lines), StandardCharsets.UTF_8);
        return file;
    }

    private static List<String> concat(String first, String... rest) {
        return Stream.concat(Stream.of(first), Arrays.stream(rest)).toList();
    }
}
