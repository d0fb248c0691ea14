package com.crossdock.platform.kafka;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.MDC;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Puts a record's correlation id (the {@code crossdock.correlation-id} header: a canonical event's envelope
 * correlationId, a raw webhook's request id) into the logging context while a listener handles it, under the key the
 * request path uses ({@link com.crossdock.platform.web.CorrelationIdFilter#MDC_KEY}).
 */
final class CorrelationRecordInterceptor implements RecordInterceptor<Object, Object> {

    static final String MDC_KEY = com.crossdock.platform.web.CorrelationIdFilter.MDC_KEY;

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        String correlationId = correlationIdOf(record);
        if (correlationId != null) {
            MDC.put(MDC_KEY, correlationId);
        }
        return record;
    }

    /** The record's {@code crossdock.correlation-id} header; null without one. */
    static String correlationIdOf(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(DeadLetterHeaders.CORRELATION_ID);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        MDC.remove(MDC_KEY);
    }
}
