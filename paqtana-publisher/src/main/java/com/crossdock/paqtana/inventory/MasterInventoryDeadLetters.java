package com.crossdock.paqtana.inventory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import com.crossdock.paqtana.client.PayloadTooLargeException;
import com.crossdock.platform.vendor.VendorCallException;
import com.crossdock.platform.kafka.DeadLetterHeaders;
import com.crossdock.platform.kafka.RawRecordSender;
import org.apache.kafka.clients.producer.ProducerRecord;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Records a push that could not be sent on the service's own dead-letter topic, so that an operator sees it next
 * to the consumers' dead letters. There is no source record to keep: the value states the sizes, or Paqtana's
 * {@code operation_info} when it refused the request (key: the operation, {@code master_inventory} or
 * {@code historical_demand}).
 */
final class MasterInventoryDeadLetters implements PushDeadLetters {

    /** Paqtana's {@code operation_info} of a refusal, as JSON. */
    static final String OPERATION_INFO = "crossdock.paqtana.operation-info";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RawRecordSender sender;
    private final String topic;
    private final String group;
    private final Clock clock;

    MasterInventoryDeadLetters(RawRecordSender sender, String topic, String group, Clock clock) {
        this.sender = sender;
        this.topic = topic;
        this.group = group;
        this.clock = clock;
    }

    @Override
    public Mono<Void> tooLarge(PayloadTooLargeException failure, int rows) {
        String value = "{\"reason\":\"master inventory exceeds Paqtana's request limit\",\"rows\":" + rows
                + ",\"bytes\":" + failure.sizeBytes() + ",\"limitBytes\":" + failure.limitBytes() + "}";
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, utf8("master_inventory"), utf8(value));
        add(record, DeadLetterHeaders.FIRST_FAILED_AT, clock.instant().toString());
        add(record, DeadLetterHeaders.ATTEMPTS, "1");
        add(record, DeadLetterHeaders.FAILURE_CLASS, failure.getClass().getName());
        add(record, DeadLetterHeaders.FAILURE_MESSAGE, failure.getMessage());
        add(record, DeadLetterHeaders.CONSUMER_GROUP, group);
        failure.deadLetterHeaders().forEach((name, headerValue) -> add(record, name, headerValue));
        return Mono.fromFuture(() -> sender.send(record)).then();
    }

    @Override
    public Mono<Void> refused(String operation, VendorCallException failure, int rows) {
        JsonNode info = operationInfo(failure.responseBody());
        ObjectNode value = JSON.createObjectNode()
                .put("reason", "Paqtana refused the " + operation)
                .put("status", failure.status())
                .put("rows", rows);
        value.set("operation_info", info);
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, utf8(operation),
                utf8(JSON.writeValueAsString(value)));
        add(record, DeadLetterHeaders.FIRST_FAILED_AT, clock.instant().toString());
        add(record, DeadLetterHeaders.ATTEMPTS, "1");
        add(record, DeadLetterHeaders.FAILURE_CLASS, failure.getClass().getName());
        add(record, DeadLetterHeaders.FAILURE_MESSAGE, failure.getMessage());
        add(record, DeadLetterHeaders.CONSUMER_GROUP, group);
        add(record, OPERATION_INFO, JSON.writeValueAsString(info));
        failure.deadLetterHeaders().forEach((name, headerValue) -> add(record, name, headerValue));
        return Mono.fromFuture(() -> sender.send(record)).then();
    }

    /** Paqtana's error body is {operation_type, operation_info:{validation_error, ...}} (VENDORS.md); else the text. */
    private static JsonNode operationInfo(String body) {
        if (body == null || body.isBlank()) {
            return JSON.nullNode();
        }
        try {
            JsonNode answer = JSON.readTree(body);
            JsonNode info = answer.get("operation_info");
            return info != null ? info : answer;
        } catch (JacksonException e) {
            return JSON.getNodeFactory().stringNode(body);
        }
    }

    private static void add(ProducerRecord<byte[], byte[]> record, String name, String value) {
        record.headers().add(name, utf8(value));
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
