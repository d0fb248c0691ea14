package com.crossdock.suppliers.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.crossdock.events.OrderKind;
import com.crossdock.events.OrderPlaced;
import com.crossdock.events.SourceSystem;
import com.crossdock.platform.events.EventPublisher;
import com.crossdock.platform.kafka.EventCodec;
import com.crossdock.platform.kafka.RawRecordSender;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.platform.poller.PublishedRecords;
import com.crossdock.suppliers.GatewayProperties;
import com.crossdock.suppliers.GatewayTestSupport;
import com.crossdock.suppliers.client.SupplierClients;
import com.crossdock.testing.TopicReader;
import com.crossdock.testkit.Timeouts;
import com.crossdock.vendor.suppliers.SupplierEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

class IdempotentOrderTest extends GatewayTestSupport {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @Autowired
    EventCodec codec;
    @Autowired
    PublishedRecords published;
    @Autowired
    RawRecordSender sender;
    @Autowired
    JsonMapper json;
    @Autowired
    SupplierEvents events;
    @Autowired
    EventPublisher publisher;
    @Autowired
    GatewayProperties properties;
    @Autowired
    SupplierClients clients;

    @Test
    void concurrentRepeatsOfOneKeyOrderOnceAndARestartRemembersTheKey() {
        String key = "order-" + UUID.randomUUID();
        int before = vesnaOrders();
        String body = "{\"supplier\":\"vesna\",\"lines\":[{\"article\":\"OC90\",\"quantity\":3}]}";
        List<EntityExchangeResult<Map<String, Object>>> answers = Flux.range(0, 8)
                .parallel(8).runOn(Schedulers.boundedElastic())
                .map(i -> web().post().uri("/orders").header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                        .expectBody(JSON).returnResult())
                .sequential().collectList().block(Timeouts.BLOCK);

        assertThat(answers).allSatisfy(answer -> assertThat(answer.getStatus().value()).isEqualTo(201));
        assertThat(answers).extracting(answer -> answer.getResponseBody().get("supplierOrderId")).containsOnly(
                answers.get(0).getResponseBody().get("supplierOrderId"));
        assertThat(answers).filteredOn(answer -> "false".equals(answer.getResponseHeaders().getFirst("Idempotent-Replayed")))
                .hasSize(1);
        assertThat(vesnaOrders()).isEqualTo(before + 1);

        String orderId = (String) answers.get(0).getResponseBody().get("orderId");
        assertThat(orderId).startsWith("vesna:VS-");
        await().atMost(Timeouts.PATIENCE).untilAsserted(() -> {
            List<ConsumerRecord<byte[], byte[]>> records = TopicReader.shared().all(Topics.ORDER_PLACED).stream()
                    .filter(record -> orderId.equals(new String(record.key()))).toList();
            assertThat(records).hasSize(1);
            OrderPlaced order = codec.decode(records.get(0), OrderPlaced.class);
            assertThat(order.getKind()).isEqualTo(OrderKind.PURCHASE);
            assertThat(order.getSupplier()).isEqualTo("vesna");
            assertThat(order.getEnvelope().getSourceSystem()).isEqualTo(SourceSystem.SUPPLIER);
            assertThat(order.getLines().get(0).getQuantity()).isEqualByComparingTo(new BigDecimal("3"));
        });

        // a restarted service: its keys read back from Kafka, the same key is answered, not ordered again
        OrderKeys restartedKeys = new OrderKeys(published, sender, json);
        OrderService restarted = new OrderService(restartedKeys, events, publisher, properties, json, Clock.systemUTC());
        OrderRequest request = json.readValue(body, OrderRequest.class);
        OrderService.Answer again = restarted.place(key, request, clients.find("vesna").orElseThrow(), key)
                .block(Timeouts.BLOCK);
        assertThat(again.replayed()).isTrue();
        assertThat(again.body()).containsEntry("supplierOrderId", answers.get(0).getResponseBody().get("supplierOrderId"));
        assertThat(vesnaOrders()).isEqualTo(before + 1);
    }

    @Test
    void theSameKeyWithAnotherOrderIsRefused() {
        String key = "order-" + UUID.randomUUID();
        web().post().uri("/orders").header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"supplier\":\"intercars\",\"lines\":[{\"article\":\"GDB1330\",\"quantity\":1}]}")
                .exchange().expectStatus().isCreated();
        web().post().uri("/orders").header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"supplier\":\"intercars\",\"lines\":[{\"article\":\"GDB1330\",\"quantity\":2}]}")
                .exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("Idempotency-Key");
    }

    @Test
    void anOrderWithoutKeyOrWithABadLineIsAProblemNamingTheField() {
        web().post().uri("/orders").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"supplier\":\"vesna\",\"lines\":[{\"article\":\"OC90\",\"quantity\":1}]}")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo("Idempotency-Key");
        web().post().uri("/orders").header("Idempotency-Key", "k-" + UUID.randomUUID())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"supplier\":\"vesna\",\"lines\":[{\"article\":\"OC90\",\"quantity\":0}]}")
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("lines[0].quantity");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOperationASupplierDoesNotHaveIsAClear4xxNamingSupplierAndOperation() {
        web().get().uri("/suppliers/elit/invoices?from=2026-01-01").exchange().expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.supplier").isEqualTo("elit")
                .jsonPath("$.operation").isEqualTo("invoices");
        web().get().uri("/suppliers").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.elit").value(operations -> assertThat((List<Object>) operations)
                        .containsExactly("price", "availability", "order"));
    }

    private static int vesnaOrders() {
        return ((Number) SANDBOX.control().state("suppliers/vesna").get("orders")).intValue();
    }
}
