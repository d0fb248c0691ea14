package com.crossdock.platform.vendor.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import com.crossdock.platform.vendor.BodyFailure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class BaseLinkerStatusTest {

    /** 10:00 UTC is 11:00 in Warsaw in winter. */
    private final Clock clock = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);
    private final BaseLinkerStatus status = new BaseLinkerStatus(clock, ZoneId.of("Europe/Warsaw"));
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aSuccessIsNoFailure() {
        assertThat(status.classify(body("{\"status\":\"SUCCESS\",\"orders\":[]}"))).isEmpty();
        assertThat(status.classify(body("{\"orders\":[]}"))).isEmpty();
    }

    @Test
    void anErrorIsPermanentWithTheVendorsCodeAndMessage() {
        assertThat(status.classify(body("{\"status\":\"ERROR\",\"error_code\":\"ERROR_BAD_METHOD\","
                + "\"error_message\":\"Unknown method\"}")))
                .contains(BodyFailure.permanent("ERROR_BAD_METHOD: Unknown method"));
    }

    @Test
    void aBlockedTokenIsTransientAndWaitsUntilTheTimeItNamesInBaseLinkersZone() {
        assertThat(blockedUntil("2025-03-01 11:05:00")).isEqualTo(Duration.ofMinutes(5));
        assertThat(blockedUntil("2025-03-01T10:00:30Z")).isEqualTo(Duration.ofSeconds(30));
        assertThat(blockedUntil(Long.toString(Instant.parse("2025-03-01T10:02:00Z").getEpochSecond())))
                .isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void aBlockedTokenWithATimePastOrUnreadableWaitsNothingOrAMinute() {
        assertThat(blockedUntil("2025-03-01 10:59:00")).isZero();
        assertThat(blockedUntil("soon")).isEqualTo(BaseLinkerStatus.UNREADABLE_WAIT);
        BodyFailure noTime = status.classify(body("{\"status\":\"ERROR\",\"error_code\":\"ERROR_BLOCKED_TOKEN\","
                + "\"error_message\":\"Query limit exceeded\"}")).orElseThrow();
        assertThat(noTime.retryAfter()).contains(BaseLinkerStatus.UNREADABLE_WAIT);
    }

    private Duration blockedUntil(String time) {
        BodyFailure failure = status.classify(body("{\"status\":\"ERROR\",\"error_code\":\"ERROR_BLOCKED_TOKEN\","
                + "\"error_message\":\"Query limit exceeded, token blocked until " + time + "\"}")).orElseThrow();
        assertThat(failure.transientFailure()).isTrue();
        return failure.retryAfter().orElseThrow();
    }

    private JsonNode body(String text) {
        return json.readTree(text);
    }
}
