package com.crossdock.platform.spool;

import static com.crossdock.platform.spool.TestRecords.record;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class KafkaSpoolRecordsTest {

    @Test
    void producerRecordSurvivesTheRoundTripThroughTheSpoolFormat() {
        for (int i = 0; i < 6; i++) {
            SpoolRecord spooled = record(i);

            ProducerRecord<byte[], byte[]> producerRecord = KafkaSpoolRecords.toProducerRecord(spooled);

            assertThat(producerRecord.topic()).isEqualTo(spooled.topic());
            assertThat(producerRecord.key()).isEqualTo(spooled.key());
            assertThat(producerRecord.headers().toArray()).hasSize(spooled.headers().size());
            assertThat(producerRecord.headers().lastHeader("absent").value()).isNull();
            assertThat(KafkaSpoolRecords.fromProducerRecord(producerRecord)).isEqualTo(spooled);
        }
    }
}
