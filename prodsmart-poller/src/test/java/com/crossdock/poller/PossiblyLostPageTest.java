package com.crossdock.poller;

import static com.crossdock.testkit.Timeouts.PATIENCE;
import static com.crossdock.testkit.Timeouts.RECOVERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import com.crossdock.events.StockChanged;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.platform.poller.PollerMetrics;
import com.crossdock.platform.vendor.VendorMetrics;
import com.crossdock.testkit.SandboxControl.Fault;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Issue 9 point 9: a change-feed read is destructive ("Elementy pobierane z usługi są usuwane ze stosu"). When
 * Prodsmart serves a page and the answer is lost in transit (the sandbox serves and removes it, then answers later
 * than the poller's timeout), the poller does not repeat the read as if nothing happened: it counts a possibly lost
 * page, says so, and reconciles the channel, which restores what the page held.
 */
@ExtendWith(OutputCaptureExtension.class)
class PossiblyLostPageTest extends PollerTestSupport {

    private static final String STOCK_READS = "prodsmart/api/changes/stock";

    @Autowired
    MeterRegistry meters;

    @AfterEach
    void clearFault() {
        SANDBOX.control().clearFaults(STOCK_READS);
    }

    @Test
    void aPageServedButLostInTransitIsCountedLoggedAndRestoredByAReconciliationOfItsChannel(CapturedOutput output) {
        String prefix = "PL-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        List<String> codes = IntStream.range(0, 3).mapToObj(i -> prefix + i).toList();
        double lostBefore = lostPages();
        double retriesBefore = feedRetries();
        // the products are in Prodsmart's list (a reconciliation reads their stock from it)
        SANDBOX.control().prodsmart().changeExpired("products",
                codes.stream().map(code -> Map.of("code", code, "name", "Product " + code)).toList());
        // every stock read is served (the page leaves the stack) and answered 2 s after the poller's timeout
        SANDBOX.control().fault(STOCK_READS, Fault.latency(Duration.parse("PT" + TIMEOUT).plusSeconds(2)).afterServing());
        // ZAPASY, as the change feed shows stock
        change("stock", codes.stream().map(code -> Map.of("product-code", code, "stock", 2395.0,
                "lot", List.of(Map.of("code", "Lot 0086", "stock", 500.0)))).toList());

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(SANDBOX.control().prodsmart().pending("stock")).as("served and removed").isZero();
            assertThat(lostPages()).isGreaterThan(lostBefore);
        });
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(output.getOut())
                .contains("Reading prodsmart channel stock failed after the request may have been served",
                        "reconciling [products]"));
        SANDBOX.control().clearFaults(STOCK_READS);

        await().atMost(RECOVERY).untilAsserted(() -> assertThat(stockOf(prefix))
                .extracting(StockChanged::getProductCode).containsAll(codes));
        assertThat(stockOf(prefix)).as("restored by a reconciliation of the channel, never by a feed read")
                .allSatisfy(event -> assertThat(event.getEnvelope().getCorrelationId()).contains(":stock:"))
                .filteredOn(event -> event.getLot() != null).extracting(StockChanged::getLot).containsOnly("Lot 0086");
        assertThat(feedRetries()).as("a read that may have been served is never repeated by the policy")
                .isEqualTo(retriesBefore);
    }

    private double feedRetries() {
        Counter retries = meters.find(VendorMetrics.RETRIES).tags("vendor", "prodsmart", "operation", "getChanges")
                .counter();
        return retries == null ? 0 : retries.count();
    }

    private double lostPages() {
        return meters.get(PollerMetrics.POSSIBLY_LOST_PAGES).tags("vendor", "prodsmart", "channel", "stock").counter()
                .count();
    }

    private List<StockChanged> stockOf(String prefix) {
        return events(Topics.STOCK_CHANGED, StockChanged.class).stream()
                .filter(event -> event.getProductCode().startsWith(prefix)).toList();
    }
}
