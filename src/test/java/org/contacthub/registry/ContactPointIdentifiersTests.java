package org.contacthub.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.contacthub.load.Channel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ContactPointIdentifiersTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "01632 960001",
                "01632960001",
                "+44 (0)1632 960001",
                "+44 1632 960001",
                "+441632960001",
                "+44 0 1632 960001",
                "0044 1632 960001",
                "0044 (0)1632 960001",
                "441632960001",
                "(01632) 960001",
                "01632-960-001",
                "01632.960001",
                "  01632 960 001  "
            })
    void writesEveryUkSpellingOfOneNumberAsE164(String spelling) {
        assertThat(ContactPointIdentifiers.phoneNumber(spelling)).contains("+441632960001");
    }

    @ParameterizedTest
    @CsvSource({
        "0800 123 4567, +448001234567",
        "0300 123 4567, +443001234567",
        "020 7946 0000, +442079460000",
        "07700 900123, +447700900123",
        "016977 4567, +44169774567"
    })
    void normalisesOtherUkNumberRanges(String spelling, String expected) {
        assertThat(ContactPointIdentifiers.phoneNumber(spelling)).contains(expected);
    }

    @Test
    void keepsTheDigitsOfAnInternationalNumber() {
        assertThat(ContactPointIdentifiers.phoneNumber("+1 (212) 555-0100")).contains("+12125550100");
        assertThat(ContactPointIdentifiers.phoneNumber("00353 1 555 0100")).contains("+35315550100");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1632 960001",
                "01632",
                "012345",
                "+44 1632",
                "01632 960001 ext 2",
                "01632 96O001",
                "0163296000123",
                "phone",
                "+",
                "++441632960001"
            })
    void rejectsWhatCannotBeANumber(String spelling) {
        assertThat(ContactPointIdentifiers.phoneNumber(spelling)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void rejectsMissingIdentifiersOnEveryChannel(String missing) {
        for (Channel channel : Channel.values()) {
            assertThat(ContactPointIdentifiers.normalise(channel, missing)).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "council.tax@northshire.example",
                "Council.Tax@Northshire.example",
                "COUNCIL.TAX@NORTHSHIRE.EXAMPLE",
                "  council.tax@northshire.example  "
            })
    void writesInboxAddressesInLowerCase(String spelling) {
        assertThat(ContactPointIdentifiers.normalise(Channel.EMAIL, spelling))
                .contains("council.tax@northshire.example");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "council.tax",
                "@northshire.example",
                "council.tax@",
                "council@tax@northshire.example",
                "council tax@northshire.example"
            })
    void rejectsWhatCannotBeAnInbox(String spelling) {
        assertThat(ContactPointIdentifiers.normalise(Channel.EMAIL, spelling)).isEmpty();
    }

    @Test
    void trimsFormIdsAndKeepsTheirCase() {
        assertThat(ContactPointIdentifiers.normalise(Channel.WEBFORM, " report-a-pothole "))
                .contains("report-a-pothole");
        assertThat(ContactPointIdentifiers.normalise(Channel.WEBFORM, "Report-A-Pothole"))
                .contains("Report-A-Pothole");
    }

    @Test
    void normalisesPhoneNumbersThroughTheChannelEntryPoint() {
        assertThat(ContactPointIdentifiers.normalise(Channel.PHONE, "01632 960050"))
                .contains("+441632960050");
    }
}
