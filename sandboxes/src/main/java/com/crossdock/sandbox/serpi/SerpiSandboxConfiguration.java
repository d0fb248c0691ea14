package com.crossdock.sandbox.serpi;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crossdock.sandbox.JsonAnswer;
import com.crossdock.sandbox.VendorErrorWriter;
import com.crossdock.sandbox.VendorSandbox;
import com.crossdock.sandbox.auth.AuthGates;
import com.crossdock.sandbox.auth.VendorAuth;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the SERPI sandbox ({@code sandboxes.serpi.*}) on the sandbox kit: the header pair (401 bad token, 403 a
 * {@code secretkey} that is not the token's) answered in SERPI's envelope, the store, the one-request-per-token rule,
 * and its state and reset.
 */
@Configuration(proxyBeanMethods = false)
class SerpiSandboxConfiguration {

    static final String PREFIX = "serpi";

    @Bean
    SerpiStore serpiStore(SerpiSandboxProperties properties) {
        return new SerpiStore(Clock.system(properties.timeZone()));
    }

    @Bean
    TokenInUse serpiTokenInUse(SerpiSandboxProperties properties) {
        return new TokenInUse(properties.pace());
    }

    /** "secretkey" and "Authorization: Bearer {{token}}" on every call of the API. */
    @Bean
    VendorAuth serpiAuth(SerpiSandboxProperties properties) {
        return VendorAuth.of(PREFIX, envelopeErrors())
                .on(path -> path.startsWith("/api/"), AuthGates.headerPair("secretkey", properties.tokens()));
    }

    /** {@code GET /serpi/_sandbox/state}: what it holds, and {@code concurrentRefused}, the count that must stay 0. */
    @Bean
    VendorSandbox serpiSandbox(SerpiStore serpiStore, TokenInUse serpiTokenInUse) {
        return new VendorSandbox() {
            @Override
            public String prefix() {
                return PREFIX;
            }

            @Override
            public Map<String, Object> state() {
                Map<String, Object> state = new LinkedHashMap<>(serpiStore.counts());
                state.putAll(serpiTokenInUse.state());
                return state;
            }

            @Override
            public void reset() {
                serpiStore.reset();
                serpiTokenInUse.reset();
            }
        };
    }

    /** SERPI answers a refusal in its envelope: {@code {"success":false,"code":401,"errors":[...],"message":...}}. */
    static VendorErrorWriter envelopeErrors() {
        return (exchange, error) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("success", false);
            body.put("code", error.status().value());
            body.put("errors", List.of(error.message()));
            body.put("message", error.message());
            body.put("result", null);
            return JsonAnswer.write(exchange, error.status(), body);
        };
    }
}
