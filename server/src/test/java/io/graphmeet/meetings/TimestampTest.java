package io.graphmeet.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampTest {

    @ParameterizedTest
    @CsvSource({
        "2020-02-06T01:49:21.3524945+00:00, 2020-02-06T01:49:21.3524945Z",
        "2020-09-09T14:33:30.8546353-07:00, 2020-09-09T21:33:30.8546353Z",
        "2026-01-01T00:00:00Z, 2026-01-01T00:00:00Z",
        "2026-01-01T00:00:00.5+01:00, 2025-12-31T23:00:00.5Z",
        "2026-01-01T00:00:00.000Z, 2026-01-01T00:00:00.000Z"
    })
    void keepsTheGivenPrecisionInUtc(String input, String expected) {
        assertThat(Timestamp.parseOrNull(input)).hasToString(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-01T00:00:00.12345678Z", "2026-01-01", "2026-01-01T00:00:00", "", "now"})
    void refusesWhatGraphWouldNotAccept(String input) {
        assertThat(Timestamp.parseOrNull(input)).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "+999999999-12-31T23:59:59Z",
                "-0001-01-01T00:00:00Z",
                "0000-12-31T23:59:59Z",
                "+10000-01-01T00:00:00Z",
                "0001-01-01T00:30:00+01:00",
                "9999-12-31T23:59:59-01:00"
            })
    void refusesInstantsOutsideTheYearsOneToNineThousandNineHundredNinetyNineInUtc(String input) {
        assertThat(Timestamp.parseOrNull(input)).isNull();
    }

    @ParameterizedTest
    @CsvSource({
        "0001-01-01T00:00:00Z, 0001-01-01T00:00:00Z",
        "0001-01-01T01:00:00+01:00, 0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59.9999999Z, 9999-12-31T23:59:59.9999999Z"
    })
    void acceptsTheFirstAndLastInstantsGraphCanHold(String input, String expected) {
        assertThat(Timestamp.parseOrNull(input)).hasToString(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-12T09:15:02.412739199Z"})
    void serverTimesHaveSevenDigits(String instant) {
        assertThat(Timestamp.of(Instant.parse(instant))).hasToString("2026-03-12T09:15:02.4127391Z");
        assertThat(Timestamp.of(Instant.parse(instant)).plus(Duration.ofHours(1)))
                .hasToString("2026-03-12T10:15:02.4127391Z");
    }
}
