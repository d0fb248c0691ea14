package com.crossdock.operator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crossdock.platform.events.EventPublisher;
import com.crossdock.platform.kafka.DeadLetterHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Which dead letters an operation applies to. Every criterion that is given must hold; an empty list or a null
 * bound means "any". Offsets are inclusive and apply to every partition unless partitions are named.
 */
record RecordFilter(List<String> keys, List<String> failureClasses, List<String> eventTypes, List<Integer> partitions,
        Instant fromTime, Instant toTime, Long fromOffset, Long toOffset) {

    static final RecordFilter ANY = new RecordFilter(List.of(), List.of(), List.of(), List.of(), null, null, null, null);

    boolean matches(ConsumerRecord<byte[], byte[]> record) {
        return (partitions.isEmpty() || partitions.contains(record.partition()))
                && (fromOffset == null || record.offset() >= fromOffset)
                && (toOffset == null || record.offset() <= toOffset)
                && (fromTime == null || record.timestamp() >= fromTime.toEpochMilli())
                && (toTime == null || record.timestamp() <= toTime.toEpochMilli())
                && (keys.isEmpty() || record.key() != null && keys.contains(new String(record.key(), StandardCharsets.UTF_8)))
                && (eventTypes.isEmpty() || eventTypes.contains(RecordHeaders.text(record, EventPublisher.EVENT_TYPE)))
                && (failureClasses.isEmpty() || failureClassMatches(RecordHeaders.text(record, DeadLetterHeaders.FAILURE_CLASS)));
    }

    /** Either the class's full name or its simple name, as an operator reads it in {@code dlt list}. */
    private boolean failureClassMatches(String failureClass) {
        return failureClass != null && failureClasses.stream()
                .anyMatch(wanted -> failureClass.equals(wanted) || failureClass.endsWith("." + wanted) || failureClass.endsWith("$" + wanted));
    }

    /** The filter as the audit record and the replay id see it. */
    Map<String, Object> describe() {
        Map<String, Object> map = new LinkedHashMap<>();
        put(map, "keys", keys);
        put(map, "failureClasses", failureClasses);
        put(map, "eventTypes", eventTypes);
        put(map, "partitions", partitions);
        put(map, "fromTime", fromTime == null ? null : fromTime.toString());
        put(map, "toTime", toTime == null ? null : toTime.toString());
        put(map, "fromOffset", fromOffset);
        put(map, "toOffset", toOffset);
        return map;
    }

    private static void put(Map<String, Object> map, String name, Object value) {
        if (value != null && !(value instanceof List<?> list && list.isEmpty())) {
            map.put(name, value);
        }
    }
}
