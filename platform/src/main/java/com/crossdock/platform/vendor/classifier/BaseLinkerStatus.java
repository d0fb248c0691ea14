package com.crossdock.platform.vendor.classifier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.crossdock.platform.vendor.BodyFailure;
import com.crossdock.platform.vendor.BodyFailureClassifier;
import tools.jackson.databind.JsonNode;

/**
 * BaseLinker answers every call of {@code connector.php} with HTTP 200: {@code {"status":"SUCCESS",...}} or
 * {@code {"status":"ERROR","error_code":...,"error_message":...}} (VENDORS.md "BaseLinker"). An error is the
 * vendor's refusal of the request, permanent, except {@code ERROR_BLOCKED_TOKEN}: past 100 requests a minute the
 * token is blocked for a while ("Query limit exceeded, token blocked until &lt;time&gt;"), a transient failure
 * that names its wait. The time is read as an ISO-8601 instant or offset time, as epoch seconds, or as
 * {@code yyyy-MM-dd HH:mm:ss} in BaseLinker's zone; a time it cannot read waits {@link #UNREADABLE_WAIT},
 * the window of BaseLinker's per-minute limit.
 */
public final class BaseLinkerStatus implements BodyFailureClassifier<JsonNode> {

    static final String BLOCKED_TOKEN = "ERROR_BLOCKED_TOKEN";
    static final Duration UNREADABLE_WAIT = Duration.ofMinutes(1);
    private static final Pattern BLOCKED_UNTIL = Pattern.compile("(?i)blocked until\\s+(.+?)\\.?\\s*$");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']HH:mm[:ss]");

    private final Clock clock;
    private final ZoneId zone;

    /** @param zone the zone of a time without one in BaseLinker's messages (BaseLinker is Polish: Europe/Warsaw) */
    public BaseLinkerStatus(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public Optional<BodyFailure> classify(JsonNode body) {
        if (!"ERROR".equalsIgnoreCase(body.path("status").asString(""))) {
            return Optional.empty();
        }
        String code = body.path("error_code").asString("");
        String message = body.path("error_message").asString("");
        String detail = code + ": " + message;
        if (!BLOCKED_TOKEN.equals(code)) {
            return Optional.of(BodyFailure.permanent(detail));
        }
        return Optional.of(BodyFailure.retryableAfter(detail, blockedFor(message)));
    }

    private Duration blockedFor(String message) {
        Matcher until = BLOCKED_UNTIL.matcher(message);
        if (!until.find()) {
            return UNREADABLE_WAIT;
        }
        return instant(until.group(1).trim())
                .map(at -> Duration.between(clock.instant(), at))
                .map(wait -> wait.isNegative() ? Duration.ZERO : wait)
                .orElse(UNREADABLE_WAIT);
    }

    private Optional<Instant> instant(String text) {
        if (text.matches("\\d{9,12}")) {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(text)));
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException notOffset) {
            try {
                return Optional.of(LocalDateTime.parse(text, LOCAL).atZone(zone).toInstant());
            } catch (DateTimeParseException unreadable) {
                return Optional.empty();
            }
        }
    }
}
