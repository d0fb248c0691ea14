package com.crossdock.paqtana.view;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What the view loader does with the records it reads: apply one, or leave out a poison one. */
interface ViewRecordHandler {

    /** Applies the record; throws when it cannot be read (the loader decides whether to read it again). */
    void apply(ConsumerRecord<byte[], byte[]> record);

    /** Leaves out a record that can never be read. */
    void skip(ConsumerRecord<?, ?> record, Exception failure);
}
