package com.crossdock.platform.vendor.client;

import static com.crossdock.testkit.Timeouts.BLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.crossdock.platform.vendor.VendorCallException;
import com.crossdock.platform.vendor.VendorCallOutcome;
import com.crossdock.platform.vendor.VendorMetrics;
import com.crossdock.platform.vendor.classifier.BaseLinkerStatus;
import com.crossdock.testkit.FakeVendor;
import com.crossdock.testkit.FakeVendor.Reply;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** BaseLinker's connector.php: a form with {@code method} and JSON {@code parameters}, and failures in a 200. */
class MethodCallTest {

    private static final String CONNECTOR = "/connector.php";
    /** BaseLinker is Polish: a "blocked until" time without a zone is Warsaw's. */
    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

    private final FakeVendor vendor = new FakeVendor();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final VendorClient baseLinker = TestClients.clients(vendor, meters, Clock.systemUTC(),
                    "acme.base-url=" + vendor.baseUrl() + CONNECTOR, "acme.auth.style=headers",
                    "acme.auth.headers.token.name=X-BLToken", "acme.auth.headers.token.value=bl-token-1")
            .client("acme").judgedBy(new BaseLinkerStatus(Clock.systemUTC(), WARSAW));

    record Orders(String status, List<Map<String, Object>> orders) {
    }

    @AfterEach
    void stopVendor() {
        vendor.close();
    }

    @Test
    void postsTheMethodAndItsJsonParametersAsAFormWithTheToken() {
        vendor.replies(Reply.of(200, "{\"status\":\"SUCCESS\",\"orders\":[{\"order_id\":7}]}"));

        Orders answer = baseLinker.callMethod("getOrders", Map.of("status_id", 5), Orders.class).block(BLOCK);

        assertThat(answer.orders()).singleElement().satisfies(order -> assertThat(order).containsEntry("order_id", 7));
        FakeVendor.Received request = vendor.received().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo(CONNECTOR);
        assertThat(request.header("X-BLToken")).isEqualTo("bl-token-1");
        assertThat(request.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(URLDecoder.decode(request.body(), StandardCharsets.UTF_8))
                .isEqualTo("method=getOrders&parameters={\"status_id\":5}");
    }

    @Test
    void anErrorStatusInA200IsTheVendorsRefusalAndIsNotRetried() {
        vendor.replies(Reply.of(200, "{\"status\":\"ERROR\",\"error_code\":\"ERROR_ORDER_NOT_FOUND\","
                + "\"error_message\":\"Order not found\"}"));

        assertThatExceptionOfType(VendorCallException.class).isThrownBy(() ->
                        baseLinker.callMethod("setOrderStatus", Map.of("order_id", 1, "status_id", 2), JsonNode.class)
                                .block(BLOCK))
                .satisfies(failure -> {
                    assertThat(failure.outcome()).isEqualTo(VendorCallOutcome.CLIENT_ERROR);
                    assertThat(failure.operation()).isEqualTo("setOrderStatus");
                    assertThat(failure.responseBody()).isEqualTo("ERROR_ORDER_NOT_FOUND: Order not found");
                });
        assertThat(vendor.requests()).isEqualTo(1);
    }

    @Test
    void aBlockedTokenIsWaitedOutThenTheCallIsRetried() {
        Instant blockedUntil = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        String until = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(blockedUntil.atZone(WARSAW));
        vendor.replies(Reply.of(200, "{\"status\":\"ERROR\",\"error_code\":\"ERROR_BLOCKED_TOKEN\","
                + "\"error_message\":\"Query limit exceeded, token blocked until " + until + "\"}"),
                Reply.of(200, "{\"status\":\"SUCCESS\",\"orders\":[]}"));

        JsonNode answer = baseLinker.callMethod("getOrders", Map.of(), JsonNode.class).block(BLOCK);

        assertThat(answer.path("status").asString()).isEqualTo("SUCCESS");
        // the retry comes once the block has ended, by the wall clock the vendor states it in (how long after
        // the first call that is depends on when in its second the test started: not asserted)
        assertThat(vendor.arrivals().get(1)).isAfterOrEqualTo(blockedUntil);
        assertThat(meters.counter(VendorMetrics.THROTTLED, "vendor", "acme").count()).isEqualTo(1.0);
    }
}
