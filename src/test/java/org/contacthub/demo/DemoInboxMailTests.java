package org.contacthub.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DemoInboxMailTests {

    private static final LocalDate LAST_DAY = LocalDate.of(2024, 5, 14);
    private static final Pattern ADDRESS = Pattern.compile("[\\w.+-]+@([\\w-]+(?:\\.[\\w-]+)*)");

    @Test
    void givesTheSampleInboxesAFewHundredMessagesOfEveryKind() {
        List<DemoInboxMail.SampleMessage> all = DemoMailConfiguration.SAMPLE_INBOXES.stream()
                .flatMap(inbox -> DemoInboxMail.forDays(inbox, LAST_DAY, 28).stream())
                .toList();

        assertThat(all).hasSizeBetween(300, 900);
        assertThat(all).anyMatch(message -> message.raw().contains("Auto-Submitted: auto-replied"));
        assertThat(all).anyMatch(message -> message.raw().contains("List-Id:"));
        assertThat(all).anyMatch(message -> message.raw().contains("Return-Path: <>"));
        assertThat(all)
                .anyMatch(message ->
                        message.raw().contains("From: ") && message.raw().contains(".officer@"));
        assertThat(all).anyMatch(message -> message.raw().contains("SCL: 9"));
        assertThat(all).anyMatch(message -> !message.raw().contains("Message-ID:"));
        assertThat(all).anyMatch(DemoInboxMail.SampleMessage::seen).anyMatch(message -> !message.seen());
        assertThat(all).anyMatch(DemoInboxMail.SampleMessage::flagged);
        assertThat(all).anyMatch(DemoInboxMail.SampleMessage::answered);
    }

    @Test
    void usesOnlyExampleDomainsInEveryAddress() {
        List<DemoInboxMail.SampleMessage> mail = DemoInboxMail.forDays("highways@northshire.example", LAST_DAY, 28);

        for (DemoInboxMail.SampleMessage message : mail) {
            Matcher address = ADDRESS.matcher(message.raw());
            while (address.find()) {
                assertThat(address.group(1)).endsWith(".example");
            }
        }
        assertThat(mail).isNotEmpty();
    }

    @Test
    void recreatesTheSameMailForTheSameDay() {
        List<DemoInboxMail.SampleMessage> first = DemoInboxMail.forDays("waste@northshire.example", LAST_DAY, 7);

        List<DemoInboxMail.SampleMessage> again = DemoInboxMail.forDays("waste@northshire.example", LAST_DAY, 7);

        assertThat(again).isEqualTo(first);
    }
}
