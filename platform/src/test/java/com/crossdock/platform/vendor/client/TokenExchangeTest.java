package com.crossdock.platform.vendor.client;

import static com.crossdock.testkit.Timeouts.BLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import com.crossdock.platform.vendor.VendorCallException;
import com.crossdock.platform.vendor.VendorMetrics;
import com.crossdock.testkit.FakeVendor;
import com.crossdock.testkit.FakeVendor.Reply;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

/** The token exchange, as Prodsmart runs it and as an OAuth2 client-credentials vendor would. */
class TokenExchangeTest {

    private static final String AUTHORIZATION = "/api/authorization";
    /** Prodsmart's exchange (VENDORS.md): Basic key:secret, a JSON body, {"token": ...}, 2 hours, ?access_token=. */
    private static final String[] PRODSMART = {"acme.auth.style=token-exchange", "acme.auth.key=demo-key",
        "acme.auth.secret=demo-secret", "acme.auth.parameter=access_token",
        "acme.auth.exchange.path=" + AUTHORIZATION, "acme.auth.exchange.content-type=application/json",
        "acme.auth.exchange.body={\"scopes\":[\"productions_write\"]}", "acme.auth.exchange.token-field=token",
        "acme.auth.exchange.life=2h", "acme.auth.exchange.renew-before=10m", "acme.auth.exchange.placement=query"};

    private final FakeVendor vendor = new FakeVendor();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MutableClock clock = MutableClock.of(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC);

    @AfterEach
    void stopVendor() {
        vendor.close();
    }

    @Test
    void exchangesTheKeyAndSecretOnceAndSendsTheTokenInTheQuery() {
        vendor.replies(AUTHORIZATION, token("tok-1"));
        VendorClient client = client(PRODSMART);

        get(client, "/api/changes/stock");
        get(client, "/api/stock/P1");

        FakeVendor.Received exchange = vendor.received(AUTHORIZATION).get(0);
        assertThat(exchange.method()).isEqualTo("POST");
        assertThat(exchange.header("Authorization")).isEqualTo(basic("demo-key:demo-secret"));
        assertThat(exchange.header("Content-Type")).startsWith("application/json");
        assertThat(exchange.body()).isEqualTo("{\"scopes\":[\"productions_write\"]}");
        assertThat(vendor.received(AUTHORIZATION)).hasSize(1);
        assertThat(vendor.received()).extracting(FakeVendor.Received::uri).endsWith(
                "/api/changes/stock?access_token=tok-1", "/api/stock/P1?access_token=tok-1");
        assertThat(meters.counter(VendorMetrics.REQUESTS, "vendor", "acme", "operation", ExchangedToken.OPERATION)
                .count()).as("the exchange is a call of the policy, in the budget").isEqualTo(1.0);
    }

    @Test
    void renewsARefusedTokenExactlyOnceAndRepeatsTheCall() {
        vendor.replies(AUTHORIZATION, token("tok-1"), token("tok-2"), token("tok-3"));
        vendor.replies("/api/changes/stock", Reply.of(401, "expired"), Reply.of(200, "[]"));
        VendorClient client = client(PRODSMART);

        assertThat(get(client, "/api/changes/stock")).isEqualTo("[]");
        assertThat(vendor.received("/api/changes/stock")).extracting(FakeVendor.Received::uri).containsExactly(
                "/api/changes/stock?access_token=tok-1", "/api/changes/stock?access_token=tok-2");
        assertThat(meters.counter(VendorMetrics.TOKEN_RENEWALS, "vendor", "acme", "reason", "unauthorized").count())
                .isEqualTo(1.0);

        // refused again with the fresh token: the vendor means it, no second renewal
        vendor.replies("/api/stock/P1", Reply.of(401, "no"), Reply.of(401, "still no"));
        assertThatExceptionOfType(VendorCallException.class).isThrownBy(() -> get(client, "/api/stock/P1"))
                .satisfies(failure -> assertThat(failure.status()).isEqualTo(401));
        assertThat(vendor.received("/api/stock/P1")).hasSize(2);
        assertThat(vendor.received(AUTHORIZATION)).hasSize(3);
    }

    @Test
    void renewsBeforeTheEndOfTheTokensLifeWithoutWaitingForA401() {
        vendor.replies(AUTHORIZATION, token("tok-1"), token("tok-2"));
        VendorClient client = client(PRODSMART);
        get(client, "/api/changes/stock");

        clock.add(Duration.ofHours(2).minusMinutes(10).minusSeconds(1));
        get(client, "/api/changes/stock");
        clock.add(Duration.ofSeconds(2));
        get(client, "/api/changes/stock");

        assertThat(vendor.received("/api/changes/stock")).extracting(FakeVendor.Received::uri).containsExactly(
                "/api/changes/stock?access_token=tok-1", "/api/changes/stock?access_token=tok-1",
                "/api/changes/stock?access_token=tok-2");
        assertThat(meters.counter(VendorMetrics.TOKEN_RENEWALS, "vendor", "acme", "reason", "expiry").count())
                .isEqualTo(1.0);
        assertThat(meters.find(VendorMetrics.TOKEN_RENEWALS).tag("reason", "unauthorized").counter()).isNull();
    }

    @Test
    void runsAnOAuth2ClientCredentialsGrantByDefaultAndReadsTheTokensLifeFromTheAnswer() {
        vendor.replies("/oauth2/token", Reply.of(200,
                "{\"access_token\":\"oauth-1\",\"token_type\":\"Bearer\",\"expires_in\":600}"),
                Reply.of(200, "{\"access_token\":\"oauth-2\",\"token_type\":\"Bearer\",\"expires_in\":600}"));
        VendorClient client = client("acme.auth.style=token-exchange", "acme.auth.key=client-id",
                "acme.auth.secret=client-secret", "acme.auth.exchange.path=/oauth2/token");

        get(client, "/stock");
        clock.add(Duration.ofSeconds(600).minusMinutes(5).plusSeconds(1));
        get(client, "/stock");

        FakeVendor.Received exchange = vendor.received("/oauth2/token").get(0);
        assertThat(exchange.body()).isEqualTo("grant_type=client_credentials");
        assertThat(exchange.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(exchange.header("Authorization")).isEqualTo(basic("client-id:client-secret"));
        assertThat(vendor.received("/stock")).extracting(request -> request.header("Authorization"))
                .containsExactly("Bearer oauth-1", "Bearer oauth-2");
    }

    @Test
    void failsWithTheVendorsAnswerWhenTheTokenAnswerHasNoToken() {
        vendor.replies(AUTHORIZATION, Reply.of(200, "{\"error\":\"scopes\"}"));

        assertThatExceptionOfType(VendorCallException.class).isThrownBy(() -> get(client(PRODSMART), "/api/x"))
                .satisfies(failure -> {
                    assertThat(failure.operation()).isEqualTo(ExchangedToken.OPERATION);
                    assertThat(failure.transientFailure()).isFalse();
                    assertThat(failure.responseBody()).contains("'token'");
                });
        assertThat(vendor.received()).extracting(FakeVendor.Received::path).isEqualTo(List.of(AUTHORIZATION));
    }

    @Test
    void getsTheExistingTokenBeforePostingANewOneAndPostsOnlyWhenThereIsNoneOrItIsTheRefusedOne() {
        String[] reusing = java.util.stream.Stream.concat(java.util.Arrays.stream(PRODSMART),
                java.util.stream.Stream.of("acme.auth.exchange.reuse-existing=true")).toArray(String[]::new);
        vendor.replies(AUTHORIZATION, Reply.of(404, "no token yet"), token("tok-1"), token("tok-1"), token("tok-2"),
                token("tok-2"));
        vendor.replies("/api/changes/stock", Reply.of(200, "[]"), Reply.of(401, "expired"), Reply.of(200, "[]"),
                Reply.of(200, "[]"));
        VendorClient client = client(reusing);

        get(client, "/api/changes/stock");
        // refused: the vendor still names tok-1 as the existing token, so a new one is made
        get(client, "/api/changes/stock");
        // a second service of the company finds tok-2 and makes none
        get(TestClients.clients(vendor, new SimpleMeterRegistry(), clock, reusing).client("acme"), "/api/changes/stock");

        assertThat(vendor.received(AUTHORIZATION)).extracting(FakeVendor.Received::method)
                .containsExactly("GET", "POST", "GET", "POST", "GET");
        assertThat(vendor.received(AUTHORIZATION).get(0).header("Authorization")).isEqualTo(basic("demo-key:demo-secret"));
        assertThat(vendor.received("/api/changes/stock")).extracting(FakeVendor.Received::uri).containsExactly(
                "/api/changes/stock?access_token=tok-1", "/api/changes/stock?access_token=tok-1",
                "/api/changes/stock?access_token=tok-2", "/api/changes/stock?access_token=tok-2");
        assertThat(meters.counter(VendorMetrics.REQUESTS, "vendor", "acme", "operation", ExchangedToken.LOOKUP).count())
                .as("the lookups are in the budget too").isEqualTo(2.0);
    }

    private VendorClient client(String... entries) {
        return TestClients.clients(vendor, meters, clock, entries).client("acme");
    }

    private static Reply token(String token) {
        return Reply.of(200, "{\"token\":\"" + token + "\",\"scopes\":[\"productions_write\"]}");
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static String get(VendorClient client, String path) {
        return client.exchange("getThing", web -> web.get().uri(path), String.class).block(BLOCK);
    }
}
