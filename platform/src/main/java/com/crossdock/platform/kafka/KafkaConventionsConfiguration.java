package com.crossdock.platform.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import com.crossdock.platform.serde.SchemaUnavailableException;
import com.crossdock.platform.vendor.VendorPolicies;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerContainerRegistry;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The one error handler of every listener: transient failures are retried in place with the backoff
 * {@code crossdock.kafka.retry.*} (jitter included); a record whose writer schema cannot be had now is retried
 * with the same waits but no attempt limit (the registry is back or learns the id; nothing is wrong with the
 * record); permanent ones (and exhausted retries) go to
 * {@code <topic>.<group>.dlt} with the record's key, value and headers byte for byte plus the failure's
 * diagnostics. Listeners never catch and log an exception away.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConventionsConfiguration {

    @Bean
    org.springframework.kafka.listener.RecordInterceptor<Object, Object> correlationRecordInterceptor() {
        return new CorrelationRecordInterceptor();
    }

    @Bean
    RecordObservation recordObservation(ObjectProvider<ObservationRegistry> observations) {
        return new RecordObservation(observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    @Bean
    RawRecordSender rawRecordSender(KafkaProperties kafka, CrossdockKafkaProperties properties,
            ObjectProvider<ObservationRegistry> observations) {
        // observed when Boot's template is (spring.kafka.template.observation-enabled, on in the platform's defaults)
        return new RawRecordSender(kafka.buildProducerProperties(), properties.maxRecordSize(),
                kafka.getTemplate().isObservationEnabled()
                        ? observations.getIfAvailable(() -> ObservationRegistry.NOOP) : ObservationRegistry.NOOP);
    }

    @Bean
    DeadLetters crossdockDeadLetters(RawRecordSender sender, MeterRegistry meters) {
        FailureTracker tracker = new FailureTracker(Clock.systemUTC());
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(sender.template(),
                (record, ex) -> new TopicPartition(deadLetterTopic(record), -1));
        publisher.setHeadersFunction((record, ex) -> headers(record, ex, tracker.failureOf(record)));
        return new DeadLetters(tracker, (record, ex) -> {
            publisher.accept(record, ex);
            meters.counter("crossdock.kafka.dead_letters", "topic", record.topic(),
                    "group", String.valueOf(KafkaUtils.getConsumerGroupId()),
                    "failure", rootCause(ex).getClass().getSimpleName()).increment();
        });
    }

    @Bean
    DefaultErrorHandler crossdockErrorHandler(DeadLetters deadLetters, CrossdockKafkaProperties properties,
            ObjectProvider<VendorPolicies> vendors, ObjectProvider<ListenerContainerRegistry> containers) {
        BreakerPause breakerPause = new BreakerPause(vendors, containers);
        FailureTracker tracker = deadLetters.tracker();
        ConsumerRecordRecoverer recoverer = deadLetters;
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, properties.retry().toSpringBackOff());
        // a missing schema, like a vendor's open breaker, is waited for, never dead-lettered: the same waits, without an
        // attempt limit
        BackOff untilSchemaAppears = properties.retry().withMaxAttempts(0).toSpringBackOff();
        // Spring's classifier would refuse every DeserializationException before the backoff function is asked;
        // isTransient tells poison from a schema that is not there yet
        handler.removeClassification(DeserializationException.class);
        handler.setBackOffFunction((record, ex) -> {
            if (SchemaUnavailableException.isCauseOf(ex)) {
                return untilSchemaAppears;
            }
            // a vendor's open breaker: the group waits paused until it half-opens, never dead-lettered for it
            Optional<String> openBreaker = BreakerPause.refusedByOpenBreaker(ex);
            if (openBreaker.isPresent()) {
                breakerPause.pauseWhileOpen(KafkaUtils.getConsumerGroupId(), openBreaker.get());
                return untilSchemaAppears;
            }
            return isTransient(ex) ? null : new FixedBackOff(0, 0);
        });
        handler.setRetryListeners(tracker);
        return handler;
    }

    private static String deadLetterTopic(ConsumerRecord<?, ?> record) {
        String group = KafkaUtils.getConsumerGroupId();
        return Topics.deadLetterTopic(Topics.sourceTopic(record.topic(), group), group);
    }

    /**
     * Transient: a writer schema that cannot be had now ({@link SchemaUnavailableException} anywhere in the chain,
     * also inside spring-kafka's {@link DeserializationException}), and whatever does not say otherwise.
     * Permanent: an undeserializable record, or anything that says it is not transient (a vendor's 4xx).
     */
    static boolean isTransient(Throwable ex) {
        if (SchemaUnavailableException.isCauseOf(ex)) {
            return true;
        }
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof PoisonRecordException || t instanceof DeserializationException) {
                return false;
            }
            if (t instanceof Retryability r) {
                return r.transientFailure();
            }
        }
        return true;
    }

    private static RecordHeaders headers(ConsumerRecord<?, ?> record, Exception ex, FailureTracker.Failure failure) {
        Throwable cause = rootCause(ex);
        RecordHeaders headers = new RecordHeaders();
        Header earlier = record.headers().lastHeader(DeadLetterHeaders.FIRST_FAILED_AT);
        add(headers, DeadLetterHeaders.FIRST_FAILED_AT,
                earlier != null ? new String(earlier.value(), StandardCharsets.UTF_8) : failure.firstFailedAt().toString());
        add(headers, DeadLetterHeaders.ATTEMPTS, Integer.toString(failure.attempts()));
        add(headers, DeadLetterHeaders.FAILURE_CLASS, cause.getClass().getName());
        add(headers, DeadLetterHeaders.FAILURE_MESSAGE, String.valueOf(cause.getMessage()));
        add(headers, DeadLetterHeaders.ORIGINAL_TOPIC, record.topic());
        add(headers, DeadLetterHeaders.ORIGINAL_PARTITION, Integer.toString(record.partition()));
        add(headers, DeadLetterHeaders.ORIGINAL_OFFSET, Long.toString(record.offset()));
        add(headers, DeadLetterHeaders.CONSUMER_GROUP, String.valueOf(KafkaUtils.getConsumerGroupId()));
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof DeadLetterDetails details) {
                for (Map.Entry<String, String> e : details.deadLetterHeaders().entrySet()) {
                    add(headers, e.getKey(), e.getValue());
                }
                break;
            }
        }
        return headers;
    }

    private static Throwable rootCause(Throwable ex) {
        Throwable t = ex;
        // Spring's wrappers say where the failure happened, not what it was: report what they wrap
        while (t.getCause() != null && t.getCause() != t
                && (t instanceof org.springframework.kafka.listener.ListenerExecutionFailedException
                        || t instanceof org.springframework.kafka.listener.BatchListenerFailedException)) {
            t = t.getCause();
        }
        return t;
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
