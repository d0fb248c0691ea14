package com.crossdock.sandbox.baselinker;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import com.crossdock.sandbox.JsonAnswer;
import com.crossdock.sandbox.VendorSandbox;
import com.crossdock.sandbox.auth.AuthGates;
import com.crossdock.sandbox.auth.VendorAuth;
import com.crossdock.sandbox.limit.RateLimitRule;
import com.crossdock.sandbox.limit.SlidingWindowLimit;
import com.crossdock.sandbox.limit.ThrottleAnswer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * The BaseLinker fake on the sandbox kit ({@code /baselinker}): {@code X-BLToken} on {@code connector.php}, refused
 * as BaseLinker refuses everything, HTTP 200 with {@code status:ERROR}; 100 requests a minute per token, past which
 * the token is blocked with {@code ERROR_BLOCKED_TOKEN} "Query limit exceeded, token blocked until &lt;time&gt;"
 * (VENDORS.md "BaseLinker"); its orders and status changes at {@code GET /baselinker/_sandbox/state}.
 */
@Configuration(proxyBeanMethods = false)
class BaseLinkerConfiguration {

    static final String PREFIX = "baselinker";
    static final String CONNECTOR = "/connector.php";

    @Bean
    BaseLinkerOrderBook baseLinkerOrderBook() {
        return new BaseLinkerOrderBook(Clock.systemUTC());
    }

    @Bean
    VendorAuth baseLinkerAuth(BaseLinkerSandboxProperties properties) {
        return VendorAuth.of(PREFIX, (exchange, error) -> JsonAnswer.write(exchange, HttpStatus.OK,
                        error("ERROR_BAD_TOKEN", "Invalid user token")))
                .on(CONNECTOR::equals, AuthGates.header("X-BLToken", properties.token()));
    }

    /** Every call of {@code connector.php} counts, per token sent (a bad token too: it is still a request). */
    @Bean
    RateLimitRule baseLinkerRateLimit(BaseLinkerSandboxProperties properties) {
        return new RateLimitRule(PREFIX, CONNECTOR::equals, RateLimitRule.header("X-BLToken"),
                new SlidingWindowLimit(Clock.systemUTC(), properties.rateLimit(), properties.ratePeriod()),
                ThrottleAnswer.okWithBody(throttled -> error("ERROR_BLOCKED_TOKEN",
                        "Query limit exceeded, token blocked until " + throttled.freeAt())));
    }

    @Bean
    VendorSandbox baseLinkerSandbox(BaseLinkerOrderBook orders, RateLimitRule baseLinkerRateLimit) {
        return VendorSandbox.of(PREFIX, () -> {
            Map<String, Object> state = new LinkedHashMap<>(orders.state());
            state.putAll(baseLinkerRateLimit.window().state());
            return state;
        }, () -> {
            orders.reset();
            baseLinkerRateLimit.window().reset();
        });
    }

    /** BaseLinker's failure body: {@code {"status":"ERROR","error_code":…,"error_message":…}}, with HTTP 200. */
    static Map<String, Object> error(String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ERROR");
        body.put("error_code", code);
        body.put("error_message", message);
        return body;
    }
}
