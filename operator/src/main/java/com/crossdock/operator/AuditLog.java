package com.crossdock.operator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.crossdock.platform.kafka.Topics;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Every replay or release run, on {@code crossdock.operator-audit.v1} as JSON, keyed by replay id: who, what filter,
 * how many ({@code retryTopic}: where the records went, the raw topic for a release).
 */
final class AuditLog {

    /** The audit record's JSON value. */
    record ReplayAudit(String action, String replayId, String operator, Instant time, String deadLetterTopic, String group,
            String retryTopic, String parkedTopic, Map<String, Object> filter, long maxCount, double rate, int maxReplays,
            long matched, long replayed, long parked, boolean complete, String error) {
    }

    private AuditLog() {
    }

    static void record(KafkaAccess kafka, Producer<byte[], byte[]> producer, ReplayRequest request, ReplayResult result, Instant time) {
        kafka.ensureTopic(Topics.OPERATOR_AUDIT, null);
        ReplayAudit audit = new ReplayAudit(request.isRelease() ? "quarantine-release" : "dlt-replay", request.replayId(), request.operator(), time, request.deadLetterTopic(),
                request.group(), request.target(), request.parkedTopic(), request.filter().describe(), request.maxCount(),
                request.rate(), request.maxReplays(), result.matched(), result.replayed(), result.parked(), result.complete(),
                result.error());
        byte[] value = RecordJson.JSON.writeValueAsBytes(audit);
        try {
            producer.send(new ProducerRecord<>(Topics.OPERATOR_AUDIT, request.replayId().getBytes(StandardCharsets.UTF_8), value))
                    .get(kafka.timeout().toMillis() + 2000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperatorException(ExitCodes.INTERNAL_ERROR, "interrupted while writing the audit record");
        } catch (Exception e) {
            throw OperatorException.unreachable("audit topic " + Topics.OPERATOR_AUDIT, e);
        }
    }
}
