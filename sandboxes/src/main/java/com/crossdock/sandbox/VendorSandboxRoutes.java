package com.crossdock.sandbox;

import java.util.List;

import com.crossdock.sandbox.auth.TokenIssuer;
import com.crossdock.sandbox.limit.RateLimitRule;
import com.crossdock.sandbox.limit.RateLimitSetting;
import com.crossdock.sandbox.received.ReceivedLog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The control endpoints every vendor sandbox has, served from its kit beans rather than written per vendor:
 * <ul>
 *   <li>{@code GET /<prefix>/_sandbox/state} and {@code DELETE /<prefix>/_sandbox} for each {@link VendorSandbox}
 *       (the reset also clears the vendor's part of the received log; faults stay);</li>
 *   <li>{@code PUT /<prefix>/_sandbox/rate-limit} {@code {"limit":1200,"period":"PT1M"}} for each vendor with a
 *       {@link RateLimitRule} (until the vendor's next reset);</li>
 *   <li>{@code POST /<prefix>/_sandbox/tokens/expire} for each vendor with a {@link TokenIssuer}.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class VendorSandboxRoutes {

    private static final String CONTROL = "/" + SandboxPaths.CONTROL_SEGMENT;

    @Bean
    RouterFunction<ServerResponse> vendorControlRoutes(List<VendorSandbox> sandboxes, List<RateLimitRule> limits,
                                                       List<TokenIssuer> tokens, ReceivedLog receivedLog) {
        return routes(sandboxes, limits, tokens, receivedLog);
    }

    /** The routes for the given kit parts (public for tests of a vendor's kit wiring without the whole app). */
    public static RouterFunction<ServerResponse> routes(List<VendorSandbox> sandboxes, List<RateLimitRule> limits,
                                                        List<TokenIssuer> tokens, ReceivedLog receivedLog) {
        RouterFunctions.Builder routes = RouterFunctions.route();
        for (VendorSandbox sandbox : sandboxes) {
            String root = "/" + sandbox.prefix() + CONTROL;
            routes.GET(root + "/state", request -> ServerResponse.ok().bodyValue(sandbox.state()));
            routes.DELETE(root, request -> {
                sandbox.reset();
                receivedLog.clear(sandbox.prefix());
                return ServerResponse.noContent().build();
            });
        }
        for (String prefix : limits.stream().map(RateLimitRule::prefix).distinct().toList()) {
            List<RateLimitRule> vendorLimits = limits.stream().filter(rule -> rule.prefix().equals(prefix)).toList();
            routes.PUT("/" + prefix + CONTROL + "/rate-limit", request -> request.bodyToMono(RateLimitSetting.class)
                    .flatMap(setting -> {
                        String problem = setting.problem();
                        if (problem != null) {
                            return badRequest(problem);
                        }
                        vendorLimits.forEach(rule -> rule.window().configure(setting.limit(), setting.period()));
                        return ServerResponse.ok().bodyValue(setting);
                    }));
        }
        for (TokenIssuer issuer : tokens) {
            routes.POST("/" + issuer.prefix() + CONTROL + "/tokens/expire", request -> {
                issuer.expireAll();
                return ServerResponse.noContent().build();
            });
        }
        // a builder without routes refuses to build: with no vendor registered, a function that matches nothing
        return sandboxes.isEmpty() && limits.isEmpty() && tokens.isEmpty()
                ? request -> Mono.empty() : routes.build();
    }

    private static Mono<ServerResponse> badRequest(String detail) {
        return ServerResponse.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail));
    }
}
