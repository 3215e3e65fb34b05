package org.whistle.dispatch.ticket.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.whistle.problems.InvalidInputException;

class TicketNumberTest {

    @Test
    void formatsCityShanghaiDayAndSixDigitSequence() {
        assertThat(new TicketNumber("QQHR", LocalDate.of(2026, 11, 27), 123).format())
                .isEqualTo("QQHR-20261127-000123");
    }

    @Test
    void countsTheDayInShanghaiNotUtc() {
        var lateEveningUtc = Instant.parse("2026-11-26T16:30:00Z");
        assertThat(TicketNumber.issue("QQHR", lateEveningUtc, 1).format()).isEqualTo("QQHR-20261127-000001");
        assertThat(TicketNumber.issue("QQHR", Instant.parse("2026-11-26T15:59:59Z"), 1)
                        .day())
                .isEqualTo(LocalDate.of(2026, 11, 26));
    }

    @Test
    void parsesWhatItFormats() {
        var number = TicketNumber.parse("QQHR-20261127-000123");
        assertThat(number).isEqualTo(new TicketNumber("QQHR", LocalDate.of(2026, 11, 27), 123));
        assertThat(TicketNumber.parse(number.format())).isEqualTo(number);
        assertThat(TicketNumber.isValid("QQHR-20261127-999999")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "QQHR-20261127-123",
                "qqhr-20261127-000123",
                "QQHR-20261327-000123",
                "QQHR-20260230-000123",
                "QQHR-20261127-000000",
                "Q-20261127-000001",
                "QQHR20261127000123",
                "QQHR-20261127-000123 "
            })
    void refusesMalformedNumbers(String text) {
        assertThat(TicketNumber.isValid(text)).isFalse();
        assertThatThrownBy(() -> TicketNumber.parse(text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("ticketNumber");
    }

    @Test
    void refusesSequencesOutsideSixDigits() {
        assertThatThrownBy(() -> new TicketNumber("QQHR", LocalDate.of(2026, 1, 1), 1_000_000))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("ticketNumber.sequence");
    }
}
