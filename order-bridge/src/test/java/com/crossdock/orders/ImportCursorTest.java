package com.crossdock.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;

import com.crossdock.events.OrderKind;
import com.crossdock.events.OrderPlaced;
import com.crossdock.events.SourceSystem;
import com.crossdock.platform.events.Envelopes;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.platform.poller.PublishedRecords;
import com.crossdock.testing.TopicReader;
import com.crossdock.testkit.Timeouts;
import com.crossdock.vendor.baselinker.BaseLinkerOrderMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * The import maps each order as the vendor library says, and keeps its cursor in Kafka: a new instance (a restart)
 * reads on from the last {@code date_confirmed} stored + 1 s.
 */
class ImportCursorTest extends BridgeTestSupport {

    @Autowired
    PublishedRecords published;

    @Autowired
    BaseLinkerClient client;

    @Autowired
    Envelopes envelopes;

    @Autowired
    JsonMapper json;

    @Test
    void anImportedOrderIsASaleFromBaseLinkerAndTheCursorOutlivesTheInstance() {
        long orderId = addBaseLinkerOrder("PLN", "LAWA-4");
        String id = Long.toString(orderId);
        await().atMost(Timeouts.PATIENCE).untilAsserted(() -> assertThat(placed(id)).isNotNull());
        OrderPlaced order = placed(id);
        assertThat(order.getEnvelope().getSourceSystem()).isEqualTo(SourceSystem.BASELINKER);
        assertThat(order.getKind()).isEqualTo(OrderKind.SALE);
        assertThat(order.getPricesIncludeTax()).isTrue();
        assertThat(order.getCustomerLogin()).isEqualTo("jan.k");
        assertThat(order.getLines().get(0).getEan()).isEqualTo("5901234123457");
        long confirmed = SANDBOX.control().get("/baselinker/_sandbox/orders/" + orderId).path("date_confirmed").asLong();

        OrdersFeed restarted = new OrdersFeed(client, new BaseLinkerOrderMapper(envelopes, ACCOUNT), published, json,
                ACCOUNT, TO_IMPORT);
        await().atMost(Timeouts.PATIENCE).until(() -> new OrdersFeed(client, new BaseLinkerOrderMapper(envelopes, ACCOUNT),
                published, json, ACCOUNT, TO_IMPORT).cursor() >= confirmed + 1);
        assertThat(restarted.cursor()).isGreaterThanOrEqualTo(confirmed + 1);
    }

    private OrderPlaced placed(String id) {
        return TopicReader.shared().all(Topics.ORDER_PLACED).stream()
                .filter(record -> id.equals(new String(record.key(), StandardCharsets.UTF_8)))
                .map(record -> codec.decode(record, OrderPlaced.class)).findFirst().orElse(null);
    }
}
