package com.crossdock.vendor.prodsmart;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** prodsmart-api.pl.txt, "Format daty". */
class ProdsmartDatesTest {

    private final ProdsmartDates lisbon = new ProdsmartDates(ZoneId.of("Europe/Lisbon"));

    @ParameterizedTest
    @CsvSource({
            "2023-07-20T09:15:15Z, 2023-07-20T09:15:15Z",
            "2023-07-20T09:15:15+01:00, 2023-07-20T08:15:15Z",
            "2023-07-20T09:15:15+0100, 2023-07-20T08:15:15Z",
            "2023-07-20T09:15:15+01, 2023-07-20T08:15:15Z",
            "2020-07-20T09:15:15-05:00, 2020-07-20T14:15:15Z",
            "2022-05-19T14:35:30.000+01:00, 2022-05-19T13:35:30Z",
            "2023-08-29T20:39:46.142Z, 2023-08-29T20:39:46.142Z"})
    void readsTheOffsetsTheDocumentAllows(String date, Instant expected) {
        assertThat(lisbon.parse(date)).isEqualTo(expected);
    }

    @Test
    void readsADateTimeWithoutZoneInTheCompanysZone() {
        // Lisbon is UTC+1 in July (summer time) and UTC in January
        assertThat(lisbon.parse("2023-07-20T09:15:15")).isEqualTo(Instant.parse("2023-07-20T08:15:15Z"));
        assertThat(lisbon.parse("2023-01-20T09:15:15")).isEqualTo(Instant.parse("2023-01-20T09:15:15Z"));
        assertThat(new ProdsmartDates(ZoneId.of("America/New_York")).parse("2023-07-20T09:15:15"))
                .isEqualTo(Instant.parse("2023-07-20T13:15:15Z"));
    }

    @Test
    void readsABareDateAsTheStartOfThatDayInTheCompanysZone() {
        assertThat(lisbon.parse("2023-01-20")).isEqualTo(Instant.parse("2023-01-20T00:00:00Z"));
        assertThat(lisbon.parse("2023-07-20")).isEqualTo(Instant.parse("2023-07-19T23:00:00Z"));
        assertThat(new ProdsmartDates(ZoneId.of("UTC")).parse(" 2023-07-20 ")).isEqualTo(Instant.parse("2023-07-20T00:00:00Z"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "yesterday", "2023-07-20Z", "2023-07-20 09:15:15", "20/07/2023", "2023-13-01"})
    void refusesWhatIsNotAProdsmartDate(String text) {
        assertThatThrownBy(() -> lisbon.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not an ISO-8601 date");
    }
}
