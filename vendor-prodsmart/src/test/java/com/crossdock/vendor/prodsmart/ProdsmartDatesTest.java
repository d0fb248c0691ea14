package com.crossdock.vendor.prodsmart;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Random;

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

    @Test
    void readsTheUsualFormDigitByDigitAsInstantParseDoes() {
        Random random = new Random(20261202);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_799L),
                    random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
            // Instant.toString writes 0, 3, 6 or 9 fraction digits; cut to any count in between as well
            String text = instant.toString();
            int cut = random.nextInt(10);
            if (text.length() > 21 && text.indexOf('.') > 0 && cut > 0) {
                int dot = text.indexOf('.');
                text = text.substring(0, Math.min(dot + 1 + cut, text.length() - 1)) + "Z";
            }
            assertThat(ProdsmartDates.utcSeconds(text)).as(text).isEqualTo(Instant.parse(text));
            assertThat(lisbon.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-07-20T09:15:15.Z", "2023-07-20T24:00:00Z", "2023-02-30T09:15:15Z",
            "2023-07-20T09:15:60Z", "2023-07-20T09:15Z", "+12023-07-20T09:15:15Z", "2023-07-20T09:15:15.1234567890Z",
            "2023-07-20t09:15:15Z", "2023-07-20T09:1x:15Z", "2023-07-20T09:15:15,5Z"})
    void leavesEveryOtherFormToTheGeneralReading(String text) {
        assertThat(ProdsmartDates.utcSeconds(text)).isNull();
        Instant general;
        try {
            general = Instant.parse(text);
        } catch (DateTimeParseException refused) {
            return; // the general reading takes it or refuses it, as before the usual form was read by hand
        }
        assertThat(lisbon.parse(text)).isEqualTo(general);
    }
}
