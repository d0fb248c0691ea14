package com.crossdock.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;

import com.crossdock.platform.config.Secret;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

class AdminTokenFilterTest {

    private final AtomicBoolean passed = new AtomicBoolean();
    private final WebFilterChain chain = exchange -> {
        passed.set(true);
        return Mono.empty();
    };

    @Test
    void refusesAnAdminRouteWithoutTheBearerToken() {
        MockServerWebExchange exchange = post("/admin/prodsmart/reconciliation", null);

        new AdminTokenFilter(new AdminProperties(Secret.of("s3cret"))).filter(exchange, chain).block();

        assertThat(passed).isFalse();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(exchange.getResponse().getHeaders().getFirst("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(exchange.getResponse().getBodyAsString().block())
                .contains("\"status\":401", "admin-unauthorized", "crossdock.admin.token").doesNotContain("s3cret");
    }

    @Test
    void refusesAWrongTokenAndAnotherScheme() {
        for (String header : new String[] {"Bearer s3cre", "Bearer s3cret2", "Basic s3cret", "s3cret"}) {
            MockServerWebExchange exchange = post("/admin/serpi/reconciliation", header);

            new AdminTokenFilter(new AdminProperties(Secret.of("s3cret"))).filter(exchange, chain).block();

            assertThat(exchange.getResponse().getStatusCode()).as(header).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(exchange.getResponse().getBodyAsString().block()).as(header).doesNotContain(header);
        }
        assertThat(passed).isFalse();
    }

    @Test
    void letsTheRightTokenThrough() {
        MockServerWebExchange exchange = post("/admin/prodsmart/reconciliation", "Bearer s3cret");

        new AdminTokenFilter(new AdminProperties(Secret.of("s3cret"))).filter(exchange, chain).block();

        assertThat(passed).isTrue();
        assertThat(exchange.getResponse().getStatusCode()).isNull();
    }

    @Test
    void withoutAConfiguredTokenTheAdminRoutesAreOffAndSaySo() {
        for (AdminProperties none : new AdminProperties[] {new AdminProperties(null), new AdminProperties(Secret.of(" "))}) {
            // a blank token must not let a blank bearer in
            MockServerWebExchange exchange = post("/admin/prodsmart/reconciliation", "Bearer ");

            new AdminTokenFilter(none).filter(exchange, chain).block();

            assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(exchange.getResponse().getBodyAsString().block()).contains("CROSSDOCK_ADMIN_TOKEN");
        }
        assertThat(passed).isFalse();
    }

    @Test
    void leavesEveryOtherRouteAlone() {
        MockServerWebExchange exchange = post("/webhooks/prodsmart", null);

        new AdminTokenFilter(new AdminProperties(null)).filter(exchange, chain).block();

        assertThat(passed).isTrue();
    }

    private static MockServerWebExchange post(String path, String authorization) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.post(path);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return MockServerWebExchange.from(request);
    }
}
