package com.crossdock.paqtana.view;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.crossdock.platform.retry.Backoff;
import com.crossdock.platform.serde.SchemaUnavailableException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.kafka.listener.AcknowledgingMessageListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.support.TopicPartitionOffset;
import org.springframework.kafka.support.TopicPartitionOffset.SeekPosition;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Builds the view at every start from the beginning of the canonical topics, then follows them. It assigns
 * itself every partition (no group membership, so every replica holds the whole view) and seeks each to its
 * beginning; it never commits an offset. The end offsets read at start-up are the catch-up target.
 */
public final class InventoryViewLoader implements SmartLifecycle {

    public static final String VIEW_CONSUMER = "paqtana-publisher-view";
    /**
     * Before the listener containers (spring-kafka's default phase): the view is loading when the demand listener
     * could start, and it is stopped only after the demand listener, which waits for it, has stopped.
     */
    public static final int PHASE = Integer.MAX_VALUE - 200;
    private static final Logger log = LoggerFactory.getLogger(InventoryViewLoader.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
    private static final long IDLE_EVENT_MS = 500;

    private final Map<String, Object> consumerProperties;
    private final Map<String, Object> adminProperties;
    private final List<String> topics;
    private final ViewRecordHandler records;
    private final ViewProgress progress;
    private final Backoff schemaUnavailable;
    private volatile KafkaMessageListenerContainer<byte[], byte[]> container;

    InventoryViewLoader(Map<String, Object> consumerProperties, Map<String, Object> adminProperties,
            List<String> topics, ViewRecordHandler records, ViewProgress progress, Backoff schemaUnavailable) {
        this.consumerProperties = Map.copyOf(consumerProperties);
        this.adminProperties = Map.copyOf(adminProperties);
        this.topics = List.copyOf(topics);
        this.records = records;
        this.progress = progress;
        this.schemaUnavailable = schemaUnavailable.requireNoAttemptLimit(
                "crossdock.paqtana.schema-unavailable-retry.max-attempts");
    }

    @Override
    public void start() {
        List<TopicPartition> partitions = new ArrayList<>();
        try (Admin admin = Admin.create(adminProperties)) {
            for (TopicDescription topic : admin.describeTopics(topics).allTopicNames()
                    .get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS).values()) {
                topic.partitions().forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition())));
            }
            progress.start(offsets(admin, partitions, OffsetSpec.earliest()),
                    offsets(admin, partitions, OffsetSpec.latest()));
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the canonical topics' offsets to build the inventory view", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the canonical topics' offsets", e);
        }
        log.info("Inventory view: reading {} partitions from the beginning, {} records to catch up",
                partitions.size(), progress.lag());
        container = container(partitions);
        container.start();
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    @Override
    public void stop() {
        KafkaMessageListenerContainer<byte[], byte[]> running = container;
        if (running != null) {
            running.stop();
        }
    }

    @Override
    public boolean isRunning() {
        KafkaMessageListenerContainer<byte[], byte[]> running = container;
        return running != null && running.isRunning();
    }

    private KafkaMessageListenerContainer<byte[], byte[]> container(Collection<TopicPartition> partitions) {
        ContainerProperties properties = new ContainerProperties(partitions.stream()
                .map(tp -> new TopicPartitionOffset(tp.topic(), tp.partition(), SeekPosition.BEGINNING))
                .toArray(TopicPartitionOffset[]::new));
        properties.setGroupId(VIEW_CONSUMER);
        properties.setClientId(VIEW_CONSUMER);
        // the view is state, rebuilt at every start: it never acknowledges, so nothing is ever committed
        properties.setAckMode(ContainerProperties.AckMode.MANUAL);
        properties.setAssignmentCommitOption(ContainerProperties.AssignmentCommitOption.NEVER);
        properties.setIdleEventInterval(IDLE_EVENT_MS);
        properties.setMessageListener(
                (AcknowledgingMessageListener<byte[], byte[]>) (record, ack) -> records.apply(record));
        KafkaMessageListenerContainer<byte[], byte[]> created = new KafkaMessageListenerContainer<>(
                new DefaultKafkaConsumerFactory<>(consumerProperties, new ByteArrayDeserializer(),
                        new ByteArrayDeserializer()),
                properties);
        created.setBeanName(VIEW_CONSUMER);
        created.setCommonErrorHandler(errorHandler());
        created.setApplicationEventPublisher(event -> {
            if (event instanceof ListenerContainerIdleEvent idle) {
                onIdle(idle);
            }
        });
        return created;
    }

    /**
     * A record whose writer schema cannot be had now (registry unreachable, or it does not know the id: see
     * {@link SchemaUnavailableException}) is read again after a backoff, for as long as it takes: skipping it would
     * leave its item out of the view, and a PUT would remove it from Paqtana. Only poison is skipped, at once.
     */
    private DefaultErrorHandler errorHandler() {
        // the default backoff is the schema one: a handler whose default makes no retry skips every failure at once,
        // whatever the backoff function says; the function takes the retries away from everything else
        DefaultErrorHandler handler = new DefaultErrorHandler(records::skip, schemaUnavailable.toSpringBackOff());
        // every failure is "retryable" to the handler; the backoff chosen per failure decides: none for poison
        handler.setClassifications(Map.of(), true);
        handler.setBackOffFunction((record, failure) -> {
            if (SchemaUnavailableException.isCauseOf(failure)) {
                log.warn("Inventory view cannot read {}-{}@{} now (schema unavailable), reading it again after a backoff: {}",
                        record.topic(), record.partition(), record.offset(), failure.getMessage());
                return null; // the default: the schema backoff, without an attempt limit
            }
            return new FixedBackOff(0, 0);
        });
        handler.setAckAfterHandle(false); // a skipped record is not committed either
        return handler;
    }

    /**
     * Published on the consumer thread: the consumer's positions say how far the view has read even where no
     * record marks the end (transaction markers, records removed by compaction).
     */
    private void onIdle(ListenerContainerIdleEvent idle) {
        if (!progress.caughtUp()) {
            for (TopicPartition partition : idle.getConsumer().assignment()) {
                progress.advance(partition, idle.getConsumer().position(partition));
            }
        }
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, spec));
        Map<TopicPartition, Long> result = new HashMap<>();
        admin.listOffsets(request).all().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                .forEach((partition, info) -> result.put(partition, info.offset()));
        return result;
    }
}
