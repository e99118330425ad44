package org.contacthub.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.contacthub.support.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class ContactLoaderTests {

    private JdbcTemplate jdbc;
    private ContactLoader loader;

    @BeforeEach
    void freshDatabase() {
        var database = TestPostgres.newDatabase();
        jdbc = new JdbcTemplate(database.dataSource());
        loader = new ContactLoader(database.dataSource(), new CollectionRuns(database.dataSource()), 3);
    }

    @Test
    void loadsEveryRecordOnceAndCountsTheRun() {
        RunResult result = loader.load("phone", "a.csv", sink -> calls(sink, 7));

        assertThat(result.read()).isEqualTo(7);
        assertThat(result.loaded()).isEqualTo(7);
        assertThat(count("contact_event")).isEqualTo(7);
        assertThat(run(result.runId()))
                .containsEntry("status", "succeeded")
                .containsEntry("read_count", 7L)
                .containsEntry("loaded_count", 7L);
    }

    @Test
    void loadingTheSameInputTwiceAddsNoRows() {
        loader.load("phone", "a.csv", sink -> calls(sink, 7));

        RunResult again = loader.load("phone", "a.csv", sink -> calls(sink, 7));

        assertThat(again.loaded()).isZero();
        assertThat(again.duplicate()).isEqualTo(7);
        assertThat(count("contact_event")).isEqualTo(7);
    }

    @Test
    void keepsRejectedRecordsWithTheirReasonAndLoadsTheRest() {
        RunResult result = loader.load("phone", "b.csv", sink -> {
            calls(sink, 2);
            sink.reject(new Rejection("line 4", "Start time is not a date", "x,[removed],y"));
        });

        assertThat(result)
                .extracting(RunResult::read, RunResult::loaded, RunResult::rejected)
                .containsExactly(3L, 2L, 1L);
        assertThat(jdbc.queryForMap("select location, reason, record, source_ref from rejected_record"))
                .containsEntry("location", "line 4")
                .containsEntry("reason", "Start time is not a date")
                .containsEntry("source_ref", "b.csv");
    }

    @Test
    void createsAnUnregisteredContactPointForAnUnknownIdentifier() {
        loader.load("phone", "c.csv", sink -> calls(sink, 1));

        assertThat(jdbc.queryForList("select identifier, registered from contact_point"))
                .containsExactly(Map.of("identifier", "+441632960001", "registered", false));
    }

    @Test
    void keepsNothingOfAFailedRunAndRecordsWhy() {
        assertThatThrownBy(() -> loader.load("phone", "d.csv", sink -> {
                    calls(sink, 5);
                    throw new UnreadableInputException("The header names no dialled number column");
                }))
                .isInstanceOf(UnreadableInputException.class);

        assertThat(count("contact_event")).isZero();
        assertThat(jdbc.queryForMap("select status, error from collection_run"))
                .containsEntry("status", "failed")
                .containsEntry("error", "The header names no dialled number column");
    }

    @Test
    void closesARunLeftRunningByAnEarlierStopWhenTheSameSourceRunsAgain() {
        long stranded = new CollectionRuns(jdbc.getDataSource()).open("phone", "e.csv");

        loader.load("phone", "e.csv", sink -> calls(sink, 1));

        assertThat(run(stranded)).containsEntry("status", "failed").containsEntry("error", CollectionRuns.INTERRUPTED);
    }

    @Test
    void storesTextThatCopyFormatGivesMeaningTo() {
        String awkward = "tab\there\\back\nslash";

        loader.load("phone", awkward, sink -> sink.accept(call(1, awkward)));

        assertThat(jdbc.queryForObject("select source_ref from contact_event", String.class))
                .isEqualTo(awkward);
    }

    private static void calls(ContactSink sink, int count) {
        for (int i = 1; i <= count; i++) {
            sink.accept(call(i, "a.csv"));
        }
    }

    private static ContactRecord call(int i, String file) {
        Instant start = Instant.parse("2025-07-01T09:00:00Z").plusSeconds(i);
        return ContactRecord.call(
                "+441632960001", start, "test:" + i, file, i + 1, false, CallOutcome.ANSWERED, 10, 60);
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private Map<String, Object> run(long id) {
        List<Map<String, Object>> rows = jdbc.queryForList("select * from collection_run where id = ?", id);
        return rows.get(0);
    }
}
