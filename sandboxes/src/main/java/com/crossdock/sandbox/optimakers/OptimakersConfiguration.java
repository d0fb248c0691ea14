package com.crossdock.sandbox.optimakers;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crossdock.sandbox.JsonAnswer;
import com.crossdock.sandbox.VendorSandbox;
import com.crossdock.sandbox.auth.AuthGates;
import com.crossdock.sandbox.auth.VendorAuth;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The Optimakers fake on the sandbox kit ({@code /optimakers}): the employee's API key in a header on
 * {@code /api/**} (401 otherwise), the instance's orders, products and sent webhooks at
 * {@code GET /optimakers/_sandbox/state}. Optimakers publishes no rate limit; faults come from the kit.
 */
@Configuration(proxyBeanMethods = false)
class OptimakersConfiguration {

    static final String PREFIX = "optimakers";

    @Bean
    OptimakersInstance optimakersInstance() {
        return new OptimakersInstance(Clock.systemUTC());
    }

    @Bean
    OptimakersWebhookSender optimakersWebhookSender(OptimakersInstance optimakersInstance) {
        return new OptimakersWebhookSender(WebClient.create(), Clock.systemUTC(), optimakersInstance);
    }

    @Bean
    VendorAuth optimakersAuth(OptimakersSandboxProperties properties) {
        return VendorAuth.of(PREFIX, (exchange, error) -> JsonAnswer.write(exchange, error.status(),
                        errors("apiKey", error.message())))
                .on(path -> path.startsWith("/api/"), AuthGates.header(properties.apiKeyHeader(), properties.apiKey()));
    }

    @Bean
    VendorSandbox optimakersSandbox(OptimakersInstance optimakersInstance) {
        return VendorSandbox.of(PREFIX, optimakersInstance::state, optimakersInstance::reset);
    }

    /** The fake's error body: {@code {"errors":[{"field":…,"message":…}]}}. */
    static Map<String, Object> errors(String field, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        return Map.of("errors", List.of(error));
    }
}
