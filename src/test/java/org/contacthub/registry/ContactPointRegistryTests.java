package org.contacthub.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.contacthub.load.Channel;
import org.contacthub.load.UnreadableInputException;
import org.contacthub.support.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

class ContactPointRegistryTests {

    private static final Path SAMPLE = Path.of("config/registry/contact-points.csv");

    private static final String HEADER =
            "channel,identifier,name,service,department,public_facing,valid_from,valid_to,verified_by,verified_on";
    private static final String CONTACT_CENTRE =
            "phone,01632 960001,Customer Contact Centre,Customer Services,Corporate Services,true,,,,";
    private static final String COUNCIL_TAX = "phone,01632 960010,Council Tax,Revenues and Benefits,Finance,true,,,,";
    private static final String HIGHWAYS_FORM =
            "webform,report-a-pothole,Report a pothole,Highways,Environment and Infrastructure,true,,,,";

    private static final String PLACEHOLDER =
            "insert into contact_point (channel, identifier, registered, first_seen_at) values (?, ?, false, now())";

    @TempDir
    Path folder;

    private JdbcTemplate jdbc;
    private ContactPointRegistry registry;

    @BeforeEach
    void newDatabase() {
        DataSource dataSource = TestPostgres.newDatabase().dataSource();
        jdbc = new JdbcTemplate(dataSource);
        registry = new ContactPointRegistry(dataSource, SAMPLE);
    }

    @Test
    void loadsTheSampleRegistryWithoutProblems() {
        RegistryLoad load = registry.load();

        assertThat(load.problems()).isEmpty();
        assertThat(load.read()).isEqualTo(load.loaded()).isEqualTo(24);
        assertThat(registeredCount()).isEqualTo(24);
        assertThat(jdbc.queryForList("select identifier from contact_point where channel = 'email'", String.class))
                .contains("council.tax@northshire.example", "admissions@northshire.example")
                .allMatch(identifier -> identifier.equals(identifier.toLowerCase()));
        assertThat(jdbc.queryForList("select identifier from contact_point where channel = 'phone'", String.class))
                .allMatch(identifier -> identifier.matches("\\+441632960\\d{3}"));
    }

    @Test
    void loadsTheGoodLinesAndRecordsEachBadOneWithItsLine() throws IOException {
        Path file = registry(
                CONTACT_CENTRE,
                "phone,01632 960010,Council Tax,Finance,true,,,,",
                COUNCIL_TAX,
                "# a comment",
                "fax,01632 960011,Fax,Revenues,Finance,true,,,,",
                HIGHWAYS_FORM);

        RegistryLoad load = registry.load(file);

        assertThat(load.read()).isEqualTo(5);
        assertThat(load.loaded()).isEqualTo(3);
        assertThat(load.problems())
                .extracting(RegistryProblem::line, RegistryProblem::reason)
                .containsExactly(
                        tuple(3, "expected 10 columns but found 9"),
                        tuple(6, "unknown channel 'fax', expected phone, email or webform"));
        assertThat(registeredIdentifiers())
                .containsExactlyInAnyOrder("+441632960001", "+441632960010", "report-a-pothole");
    }

    @Test
    void recordsTheLoadAsASucceededRunWithItsRejectedRecords() throws IOException {
        Path file = registry(CONTACT_CENTRE, "phone,01632 960010,Council Tax,Finance,true,,,,", COUNCIL_TAX);

        RegistryLoad load = registry.load(file);

        Map<String, Object> run = jdbc.queryForMap("select * from collection_run where id = ?", load.runId());
        assertThat(run)
                .containsEntry("source", "registry")
                .containsEntry("source_ref", "registry.csv")
                .containsEntry("status", "succeeded")
                .containsEntry("read_count", 3L)
                .containsEntry("loaded_count", 2L)
                .containsEntry("duplicate_count", 0L)
                .containsEntry("rejected_count", 1L);
        assertThat(run.get("started_at")).isNotNull();
        assertThat(run.get("ended_at")).isNotNull();
        assertThat(jdbc.queryForList("select * from rejected_record where run_id = ?", load.runId()))
                .singleElement()
                .satisfies(rejected -> assertThat(rejected)
                        .containsEntry("source", "registry")
                        .containsEntry("source_ref", "registry.csv")
                        .containsEntry("location", "line 3")
                        .containsEntry("reason", "expected 10 columns but found 9")
                        .containsEntry("record", "phone,01632 960010,Council Tax,Finance,true,,,,"));
    }

    @Test
    void reloadingAnEditedFileUpdatesAddsAndRemovesRegisteredRows() throws IOException {
        registry.load(registry(CONTACT_CENTRE, COUNCIL_TAX, HIGHWAYS_FORM));

        RegistryLoad reload = registry.load(registry(
                "phone,01632 960001,Customer Contact Centre,Customer Services,Resources,true,,,Ops,2024-06-01",
                HIGHWAYS_FORM,
                "webform,contact-us,Contact us,Customer Services,Corporate Services,true,,,,"));

        assertThat(reload.loaded()).isEqualTo(3);
        assertThat(reload.removed()).isEqualTo(1);
        assertThat(jdbc.queryForList(
                        "select identifier, department, verified_by from contact_point order by identifier"))
                .extracting(row -> tuple(row.get("identifier"), row.get("department"), row.get("verified_by")))
                .containsExactly(
                        tuple("+441632960001", "Resources", "Ops"),
                        tuple("contact-us", "Corporate Services", null),
                        tuple("report-a-pothole", "Environment and Infrastructure", null));
    }

    @Test
    void reloadingAnUnchangedFileLeavesItsRowsUntouched() throws IOException {
        Path file = registry(CONTACT_CENTRE, COUNCIL_TAX);
        registry.load(file);
        List<Object> before = jdbc.queryForList("select updated_at from contact_point order by id", Object.class);

        RegistryLoad reload = registry.load(file);

        assertThat(reload.removed()).isZero();
        assertThat(jdbc.queryForList("select updated_at from contact_point order by id", Object.class))
                .isEqualTo(before);
    }

    @Test
    void replacesPlaceholdersOnceTheirContactPointIsRegisteredAndKeepsTheOthers() throws IOException {
        insertPlaceholder("phone", "+441632960001");
        insertPlaceholder("email", "waste@northshire.example");
        insertPlaceholder("phone", "+441632960077");
        Path file = registry(
                CONTACT_CENTRE, "email,Waste@Northshire.example,Waste inbox,Waste Services,Place,true,2024-04-01,,,");

        RegistryLoad load = registry.load(file);

        assertThat(load.placeholdersReplaced()).isEqualTo(1);
        assertThat(jdbc.queryForList("select channel, identifier, registered, first_seen_at is not null as seen "
                        + "from contact_point order by identifier"))
                .extracting(row -> tuple(row.get("identifier"), row.get("registered"), row.get("seen")))
                .containsExactly(
                        tuple("+441632960001", true, true),
                        tuple("+441632960077", false, true),
                        tuple("waste@northshire.example", true, false));
    }

    @Test
    void findsTheEntryValidOnEachDay() {
        registry.load();

        assertThat(registry.find(Channel.PHONE, "01632 960050", LocalDate.of(2024, 3, 31)))
                .get()
                .extracting(ContactPoint::department)
                .isEqualTo("Environment and Infrastructure");
        assertThat(registry.find(Channel.PHONE, "+441632960050", LocalDate.of(2024, 4, 1)))
                .get()
                .extracting(ContactPoint::department)
                .isEqualTo("Place");
        assertThat(registry.find(Channel.EMAIL, "Waste@Northshire.example", LocalDate.of(2019, 1, 1)))
                .get()
                .extracting(ContactPoint::department, ContactPoint::validFrom)
                .containsExactly("Environment and Infrastructure", null);
    }

    @Test
    void findsNothingOutsideValidityOrForUnregisteredContactPoints() {
        registry.load();
        insertPlaceholder("phone", "+441632960077");

        assertThat(registry.find(Channel.EMAIL, "registrars@northshire.example", LocalDate.of(2023, 8, 31)))
                .isEmpty();
        assertThat(registry.find(Channel.EMAIL, "registrars@northshire.example", LocalDate.of(2023, 9, 1)))
                .isPresent();
        assertThat(registry.find(Channel.PHONE, "01632 960077", LocalDate.of(2024, 1, 1)))
                .isEmpty();
        assertThat(registry.find(Channel.PHONE, "not a number", LocalDate.of(2024, 1, 1)))
                .isEmpty();
    }

    @Test
    void keepsTheRegistryAndRecordsAFailedRunWhenTheFileCannotBeRead() throws IOException {
        registry.load(registry(CONTACT_CENTRE, COUNCIL_TAX));
        Path broken = folder.resolve("broken.csv");
        Files.writeString(broken, "channel;identifier;name\n");

        assertThatThrownBy(() -> registry.load(broken))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("header on line 1");

        assertThat(registeredIdentifiers()).containsExactlyInAnyOrder("+441632960001", "+441632960010");
        assertThat(jdbc.queryForMap("select status, error from collection_run where source_ref = 'broken.csv'"))
                .containsEntry("status", "failed")
                .hasEntrySatisfying("error", error -> assertThat((String) error).contains("header on line 1"));
    }

    private Path registry(String... lines) throws IOException {
        Path file = folder.resolve("registry.csv");
        Files.write(file, Stream.concat(Stream.of(HEADER), Stream.of(lines)).toList(), StandardCharsets.UTF_8);
        return file;
    }

    private void insertPlaceholder(String channel, String identifier) {
        jdbc.update(PLACEHOLDER, channel, identifier);
    }

    private int registeredCount() {
        return jdbc.queryForObject("select count(*) from contact_point where registered", Integer.class);
    }

    private List<String> registeredIdentifiers() {
        return jdbc.queryForList("select identifier from contact_point where registered", String.class);
    }
}
