package org.contacthub.reporting;

import java.time.LocalDate;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the reporting settings from {@code config/} into the database at start, where the views
 * that analysts read can see them, and recounts the daily aggregate when the answer target changed.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReportingSettings.class)
class ReportingSetup implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(ReportingSetup.class);

    private static final String CURRENT_TARGET =
            "select value::integer from reporting_setting where name = 'answer_target_seconds'";
    private static final String SAVE_TARGET = """
            update reporting_setting set value = ?, updated_at = now() where name = 'answer_target_seconds'""";
    private static final String REBUILD = "select rebuild_contact_daily()";
    private static final String CLEAR_STARTS = "delete from reporting_channel_start";
    private static final String SAVE_START = "insert into reporting_channel_start (channel, starts_on) values (?, ?)";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ReportingSettings settings;

    ReportingSetup(JdbcTemplate jdbc, TransactionTemplate transaction, ReportingSettings settings) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.settings = settings;
    }

    @Override
    public void afterPropertiesSet() {
        transaction.executeWithoutResult(status -> {
            saveChannelStarts();
            saveAnswerTarget();
        });
    }

    private void saveChannelStarts() {
        jdbc.update(CLEAR_STARTS);
        for (Map.Entry<String, LocalDate> start : settings.channelStart().entrySet()) {
            jdbc.update(SAVE_START, start.getKey(), start.getValue());
        }
    }

    private void saveAnswerTarget() {
        Integer current = jdbc.queryForObject(CURRENT_TARGET, Integer.class);
        if (current != null && current == settings.answerTargetSeconds()) {
            return;
        }
        jdbc.update(SAVE_TARGET, String.valueOf(settings.answerTargetSeconds()));
        Long rows = jdbc.queryForObject(REBUILD, Long.class);
        log.info(
                "Answer target changed from {} to {} seconds, daily aggregate recounted into {} rows",
                current,
                settings.answerTargetSeconds(),
                rows);
    }
}
