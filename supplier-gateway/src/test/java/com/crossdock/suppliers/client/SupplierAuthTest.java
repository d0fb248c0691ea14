package com.crossdock.suppliers.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.crossdock.platform.config.Secret;
import com.crossdock.platform.vendor.VendorCallException;
import com.crossdock.platform.vendor.VendorCallOutcome;
import com.crossdock.platform.vendor.client.VendorClients;
import com.crossdock.suppliers.GatewayTestSupport;
import com.crossdock.testkit.Timeouts;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Each supplier's authentication and error envelope, against its sandbox, through the gateway's own clients. */
class SupplierAuthTest extends GatewayTestSupport {

    @Autowired
    SupplierClients clients;
    @Autowired
    VendorClients vendors;
    @Autowired
    MeterRegistry meters;

    @Test
    void omegaTakesTheKeyInTheBodyAndItsEnvelopeSaysFailureInA200() {
        assertThat(price("omega").amount()).isEqualByComparingTo("412.50");
        OmegaClient wrongKey = new OmegaClient(vendors.client("omega"), Secret.of("not-the-key"), ZoneId.of("UTC"));
        assertThatThrownBy(() -> wrongKey.price("OC90", BigDecimal.ONE).block(Timeouts.BLOCK))
                .isInstanceOfSatisfying(VendorCallException.class, failure -> {
                    assertThat(failure.status()).isEqualTo(200);
                    assertThat(failure.outcome()).isEqualTo(VendorCallOutcome.CLIENT_ERROR);
                    assertThat(failure.responseBody()).contains("Invalid key");
                });
    }

    @Test
    void omegaRefusesACallerNotOnItsAllowList() {
        assertThat(sandbox("PUT", "/suppliers/omega/_sandbox/allowed-ips", "[\"10.9.9.9\"]")).isEqualTo(200);
        try {
            assertThatThrownBy(() -> price("omega"))
                    .isInstanceOfSatisfying(VendorCallException.class, failure -> {
                        assertThat(failure.status()).isEqualTo(403);
                        assertThat(failure.responseBody()).contains("\"Success\":false").contains("is not allowed");
                    });
        } finally {
            sandbox("PUT", "/suppliers/omega/_sandbox/allowed-ips", "[\"127.0.0.1\",\"0:0:0:0:0:0:0:1\"]");
        }
    }

    @Test
    void elitWantsItsLoginAndPassword() {
        assertThat(price("elit").amount()).isEqualByComparingTo("405.00");
        HttpResponse<String> anonymous = raw(HttpRequest.newBuilder(URI.create(SANDBOX.url("suppliers/elit")
                + "/api/v1/price?article=OC90")));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("\"error\"");
    }

    @Test
    void busMarketTakesTheBareKeyAnswers404OtherwiseAndHonoursItsQuota() {
        assertThat(price("busmarket").amount()).isEqualByComparingTo("399.90");
        HttpResponse<String> bearer = raw(HttpRequest.newBuilder(URI.create(SANDBOX.url("suppliers/busmarket")
                + "/api/prices?article=OC90")).header("Authorization", "Bearer busmarket-demo-key"));
        assertThat(bearer.statusCode()).isEqualTo(404);
        // 2 requests per 2 s: the client waits out X-RateLimit-Reset when none remain, so 5 calls span windows and
        // all are answered without a refusal beyond a window's edge (one that ignored the headers would be refused
        // calls 3 to 5; the test context polls no BusMarket invoices, which would share the quota)
        assertThat(sandbox("PUT", "/suppliers/busmarket/_sandbox/quota", "{\"limit\":2,\"period\":\"PT2S\"}"))
                .isEqualTo(200);
        try {
            long start = System.nanoTime();
            IntStream.range(0, 5).forEach(i -> assertThat(price("busmarket").amount()).isEqualByComparingTo("399.90"));
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(java.time.Duration.ofSeconds(2));
            assertThat(((Number) SANDBOX.control().state("suppliers/busmarket").get("quotaRefused")).intValue())
                    .isLessThanOrEqualTo(1);
        } finally {
            sandbox("PUT", "/suppliers/busmarket/_sandbox/quota", "{\"limit\":100000,\"period\":\"PT1M\"}");
        }
        assertThat(meters.get("crossdock.supplier.key.days_left").tag("supplier", "busmarket").gauge().value())
                .isBetween(14.0, 16.0);
    }

    @Test
    void uniqueTradeRenewsAnExpiredJwtWithItsRefreshToken() {
        assertThat(price("uniquetrade").amount()).isEqualByComparingTo("420.00");
        long logins = number("suppliers/uniquetrade", "logins");
        long refreshes = number("suppliers/uniquetrade", "refreshes");
        assertThat(sandbox("POST", "/suppliers/uniquetrade/_sandbox/tokens/expire", "{}")).isEqualTo(200);
        assertThat(price("uniquetrade").amount()).isEqualByComparingTo("420.00");
        assertThat(number("suppliers/uniquetrade", "refreshes")).isEqualTo(refreshes + 1);
        assertThat(number("suppliers/uniquetrade", "logins")).isEqualTo(logins);
    }

    @Test
    void vesnaWantsItsTokenSchemeAndCustomerAndPricesOnlyInEuro() {
        assertThat(price("vesna").currency()).isEqualTo("EUR");
        HttpResponse<String> bearer = raw(HttpRequest.newBuilder(URI.create(SANDBOX.url("suppliers/vesna")
                + "/api/v1/prices/?article=OC90&customer_id=4711")).header("Authorization", "Bearer vesna-demo-token"));
        assertThat(bearer.statusCode()).isEqualTo(401);
        assertThat(bearer.body()).contains("\"detail\"");
        HttpResponse<String> noCustomer = raw(HttpRequest.newBuilder(URI.create(SANDBOX.url("suppliers/vesna")
                + "/api/v1/prices/?article=OC90")).header("Authorization", "Token vesna-demo-token"));
        assertThat(noCustomer.statusCode()).isEqualTo(400);
        assertThat(noCustomer.body()).contains("customer_id");
    }

    @Test
    void interCarsNeedsALanguageSplitsLongListsAndReportsUnknownSkus() {
        HttpResponse<String> noLanguage = raw(HttpRequest.newBuilder(URI.create(SANDBOX.url("suppliers/intercars")
                + "/inventory/stock?sku=OC90")).header("Authorization", "Bearer whatever"));
        assertThat(noLanguage.statusCode()).isEqualTo(400);
        assertThat(noLanguage.body()).contains("MISSING_LANGUAGE");

        InterCarsClient intercars = (InterCarsClient) clients.find("intercars").orElseThrow();
        List<String> skus = new java.util.ArrayList<>(List.of("OC90", "GDB1330"));
        IntStream.range(0, 148).forEach(i -> skus.add("NOPE-" + i));
        long stockCalls = number("suppliers/intercars", "stockCalls");
        SupplierClient.Stock stock = intercars.availability(skus).block(Timeouts.BLOCK);
        assertThat(stock.items()).extracting(item -> item.article()).containsExactly("OC90", "GDB1330");
        assertThat(stock.unknown()).hasSize(148).contains("NOPE-0", "NOPE-147");
        assertThat(number("suppliers/intercars", "stockCalls")).isEqualTo(stockCalls + 2);

        Map<String, BigDecimal> basket = new LinkedHashMap<>();
        skus.subList(0, 45).forEach(sku -> basket.put(sku, BigDecimal.ONE));
        long priceCalls = number("suppliers/intercars", "priceCalls");
        InterCarsClient.Prices prices = intercars.prices(basket).block(Timeouts.BLOCK);
        assertThat(prices.prices()).hasSize(2);
        assertThat(prices.unknown()).hasSize(43);
        assertThat(number("suppliers/intercars", "priceCalls")).isEqualTo(priceCalls + 3);
    }

    private com.crossdock.vendor.suppliers.Price price(String supplier) {
        return clients.find(supplier).orElseThrow().price("OC90", BigDecimal.ONE).block(Timeouts.BLOCK);
    }

    private static long number(String vendor, String key) {
        return ((Number) SANDBOX.control().state(vendor).get(key)).longValue();
    }
}
