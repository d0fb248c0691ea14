package com.crossdock.platform.spool;

import java.util.ArrayList;
import java.util.List;

import com.crossdock.platform.error.Causes;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordTooLargeException;
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

    /**
     * Whether Kafka will never take the record as it is: larger than the producer's {@code max.request.size} or the
     * topic's {@code max.message.bytes} ({@link RecordTooLargeException}), or refused by the broker's record checks
     * ({@link InvalidRecordException}). Anything else (a timeout, a broker away, a missing topic) may pass later.
     */
    public static boolean refusedForGood(Throwable failure) {
        return Causes.has(failure, RecordTooLargeException.class, InvalidRecordException.class);
    }

    public static ProducerRecord<byte[], byte[]> toProducerRecord(SpoolRecord record) {
        List<Header> headers = new ArrayList<>(record.headers().size());
        for (SpoolRecord.Header header : record.headers()) {
            headers.add(new RecordHeader(header.name(), header.value()));
        }
        return new ProducerRecord<>(record.topic(), null, record.key(), record.value(), headers);
    }
}
