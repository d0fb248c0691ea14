package com.crossdock.platform.spool;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Converts between Kafka producer records of serialized bytes and spool records. The spool keeps topic,
 * key, value and headers; an explicit partition or timestamp is not kept, so the partitioner places a
 * drained record by its key, as it would have the first time, and its timestamp is the drain's.
 */
public final class KafkaSpoolRecords {

    private KafkaSpoolRecords() {
    }

    public static SpoolRecord fromProducerRecord(ProducerRecord<byte[], byte[]> record) {
        List<SpoolRecord.Header> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(new SpoolRecord.Header(header.key(), header.value()));
        }
        return new SpoolRecord(record.topic(), record.key(), record.value(), headers);
    }

    public static ProducerRecord<byte[], byte[]> toProducerRecord(SpoolRecord record) {
        List<Header> headers = new ArrayList<>(record.headers().size());
        for (SpoolRecord.Header header : record.headers()) {
            headers.add(new RecordHeader(header.name(), header.value()));
        }
        return new ProducerRecord<>(record.topic(), null, record.key(), record.value(), headers);
    }
}
