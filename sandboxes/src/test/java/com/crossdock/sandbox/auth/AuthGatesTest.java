package com.crossdock.sandbox.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.crossdock.sandbox.VendorError;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class AuthGatesTest {

    @Test
    void bearerTellsAMissingHeaderFromAWrongTokenOrScheme() {
        AuthGate gate = AuthGates.bearer("right");

        assertThat(gate.check(get().build())).contains(unauthorized("missing Authorization: Bearer token"));
        assertThat(gate.check(get().header(HttpHeaders.AUTHORIZATION, "Bearer wrong").build()))
                .contains(unauthorized("invalid or revoked token"));
        assertThat(gate.check(get().header(HttpHeaders.AUTHORIZATION, "Basic right").build()))
                .contains(unauthorized("invalid or revoked token"));
        assertThat(gate.check(get().header(HttpHeaders.AUTHORIZATION, "Bearer right").build())).isEmpty();
    }

    @Test
    void bearerOfIssuedTokensAcceptsOnlyTokensThatHaveNotExpired() {
        TokenIssuer tokens = new TokenIssuer("intercars", Clock.systemUTC(), Duration.ofHours(1));
        String token = tokens.issue();
        AuthGate gate = AuthGates.bearer(tokens);

        assertThat(gate.check(get().header(HttpHeaders.AUTHORIZATION, "Bearer " + token).build())).isEmpty();
        tokens.expireAll();
        assertThat(gate.check(get().header(HttpHeaders.AUTHORIZATION, "Bearer " + token).build()))
                .contains(unauthorized("invalid or revoked token"));
    }

    @Test
    void basicAcceptsOnlyTheEncodedPairAndSaysTheVendorsWords() {
        AuthGate gate = AuthGates.basic("key", "secret", "Basic API_KEY:API_SECRET required");

        assertThat(gate.check(get().header(HttpHeaders.AUTHORIZATION, basic("key:secret")).build())).isEmpty();
        assertThat(gate.check(get().header(HttpHeaders.AUTHORIZATION, basic("key:wrong")).build()))
                .contains(unauthorized("Basic API_KEY:API_SECRET required"));
        assertThat(gate.check(get().build())).contains(unauthorized("Basic API_KEY:API_SECRET required"));
    }

    @Test
    void headerPairAnswers401ForABadTokenAnd403ForAKeyThatIsNotTheTokens() {
        AuthGate gate = AuthGates.headerPair("secretkey", Map.of("token-a", "key-a", "token-b", "key-b"));

        assertThat(gate.check(serpi("key-a", "token-a"))).isEmpty();
        assertThat(gate.check(serpi("key-a", "unknown"))).contains(unauthorized("invalid or revoked token"));
        assertThat(gate.check(serpi("key-b", "token-a")))
                .contains(new VendorError(HttpStatus.FORBIDDEN, "secretkey does not belong to this token"));
        assertThat(gate.check(serpi(null, "token-a"))).contains(unauthorized("missing secretkey header"));
        assertThat(gate.check(get().header("secretkey", "key-a").build()))
                .contains(unauthorized("missing Authorization: Bearer token"));
    }

    @Test
    void queryTokenAcceptsAnIssuedTokenInItsParameterOnly() {
        TokenIssuer tokens = new TokenIssuer("prodsmart", Clock.systemUTC(), Duration.ofHours(2));
        String token = tokens.issue();
        AuthGate gate = AuthGates.queryToken("access_token", tokens);

        assertThat(gate.check(MockServerHttpRequest.get("/api/changes/stock?access_token=" + token).build())).isEmpty();
        assertThat(gate.check(MockServerHttpRequest.get("/api/changes/stock?token=" + token).build()))
                .contains(unauthorized("invalid or expired access_token"));
        assertThat(gate.check(get().header(HttpHeaders.AUTHORIZATION, "Bearer " + token).build()))
                .contains(unauthorized("invalid or expired access_token"));
    }

    private static MockServerHttpRequest.BaseBuilder<?> get() {
        return MockServerHttpRequest.get("/api/x");
    }

    private static MockServerHttpRequest serpi(String key, String token) {
        MockServerHttpRequest.BaseBuilder<?> request = get().header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        return key == null ? request.build() : request.header("secretkey", key).build();
    }

    private static String basic(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static VendorError unauthorized(String message) {
        return new VendorError(HttpStatus.UNAUTHORIZED, message);
    }
}
