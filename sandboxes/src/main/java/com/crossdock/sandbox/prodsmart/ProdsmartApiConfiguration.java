package com.crossdock.sandbox.prodsmart;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import com.crossdock.sandbox.VendorErrorWriter;
import com.crossdock.sandbox.VendorSandbox;
import com.crossdock.sandbox.auth.AuthGates;
import com.crossdock.sandbox.auth.TokenIssuer;
import com.crossdock.sandbox.auth.VendorAuth;
import com.crossdock.sandbox.limit.RateLimitRule;
import com.crossdock.sandbox.limit.SlidingWindowLimit;
import com.crossdock.sandbox.limit.ThrottleAnswer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the Prodsmart API sandbox from {@code sandboxes.prodsmart.api.*} on the sandbox kit: tokens with their
 * 2-hour life, the gates (Basic key:secret on the authorization resource, {@code access_token} elsewhere), the
 * company's limit, the change feeds and lists, and its state and reset.
 */
@Configuration(proxyBeanMethods = false)
class ProdsmartApiConfiguration {

    static final String PREFIX = "prodsmart";
    static final String AUTHORIZATION = "/api/authorization";

    @Bean
    TokenIssuer prodsmartTokens(ProdsmartApiProperties properties) {
        return new TokenIssuer(PREFIX, Clock.systemUTC(), properties.tokenLife());
    }

    /**
     * "AUTORYZACJA": the authorization resource takes Basic {@code API_KEY:API_SECRET}; every other call passes
     * the token as {@code access_token}. The document shows no error body: refusals are problem+json.
     */
    @Bean
    VendorAuth prodsmartAuth(ProdsmartApiProperties properties, TokenIssuer prodsmartTokens) {
        return VendorAuth.of(PREFIX, VendorErrorWriter.problemDetail())
                .on(AUTHORIZATION::equals, AuthGates.basic(properties.key(), properties.secret(),
                        "Basic API_KEY:API_SECRET required"))
                .on(path -> path.startsWith("/api/"), AuthGates.queryToken("access_token", prodsmartTokens));
    }

    /**
     * "Liczba żądań interfejsu API jest ograniczona do 120 żądań na minutę na firmę": every call under
     * {@code /api/} counts, authorization included, for the one company the sandbox holds; past it, 429 with
     * {@code Retry-After: <delay-seconds>}.
     */
    @Bean
    RateLimitRule prodsmartRateLimit(ProdsmartApiProperties properties) {
        return new RateLimitRule(PREFIX, path -> path.startsWith("/api/"), RateLimitRule.oneAccount(),
                new SlidingWindowLimit(Clock.systemUTC(), properties.rateLimit(), properties.ratePeriod()),
                ThrottleAnswer.tooManyRequests(throttled -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("error", "Too Many Requests");
                    body.put("limit", throttled.setting().limit());
                    return body;
                }));
    }

    @Bean
    ProdsmartChangeFeed prodsmartChangeFeed(ProdsmartApiProperties properties) {
        return new ProdsmartChangeFeed(Clock.systemUTC(), properties.feedRetention());
    }

    @Bean
    ProdsmartResources prodsmartResources() {
        return new ProdsmartResources();
    }

    /** {@code GET /prodsmart/_sandbox/state}: what each channel still holds, tokens issued, the company's budget use. */
    @Bean
    VendorSandbox prodsmartSandbox(ProdsmartApiProperties properties, ProdsmartChangeFeed feed,
                                   ProdsmartResources resources, TokenIssuer prodsmartTokens,
                                   RateLimitRule prodsmartRateLimit) {
        return new VendorSandbox() {
            @Override
            public String prefix() {
                return PREFIX;
            }

            @Override
            public Map<String, Object> state() {
                Map<String, Integer> pending = new TreeMap<>();
                properties.channels().keySet().forEach(channel -> pending.put(channel, feed.pending(channel)));
                Map<String, Object> state = new LinkedHashMap<>();
                state.put("pending", pending);
                state.put("tokensIssued", prodsmartTokens.issuedTotal());
                state.putAll(prodsmartRateLimit.window().state());
                return state;
            }

            @Override
            public void reset() {
                feed.reset();
                resources.reset();
                prodsmartTokens.reset();
                prodsmartRateLimit.window().reset();
            }
        };
    }
}
