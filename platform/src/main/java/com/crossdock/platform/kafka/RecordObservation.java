package com.crossdock.platform.kafka;

import java.util.function.Supplier;

import com.crossdock.platform.web.CorrelationIdFilter;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;

/**
 * For a batch listener, what spring-kafka does around each record of a record listener and not around a batch's
 * records: the record's trace (its {@code traceparent}) is continued while its work runs, so what the work sends or
 * calls carries that trace, and its correlation id is in the logging context (docs/tracing.md).
 */
public final class RecordObservation {

    private final ObservationRegistry observations;

    public RecordObservation(ObservationRegistry observations) {
        this.observations = observations;
    }

    /** Runs {@code work} for {@code record}, consumed by {@code group}, in the record's trace and correlation id. */
    public <T> T observe(ConsumerRecord<?, ?> record, String group, Supplier<T> work) {
        Observation observation = KafkaListenerObservation.LISTENER_OBSERVATION.observation(null,
                KafkaListenerObservation.DefaultKafkaListenerObservationConvention.INSTANCE,
                () -> new KafkaRecordReceiverContext(record, group, null, group, () -> null), observations);
        String correlationId = CorrelationRecordInterceptor.correlationIdOf(record);
        if (correlationId != null) {
            MDC.put(CorrelationIdFilter.MDC_KEY, correlationId);
        }
        try {
            return observation.observe(work);
        } finally {
            MDC.remove(CorrelationIdFilter.MDC_KEY);
        }
    }
}
