package com.crossdock.operator;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The operator's Kafka clients, every call bounded by one timeout so that an unreachable broker is an answer
 * (exit code 4) within seconds, not a hang.
 */
final class KafkaAccess implements AutoCloseable {

    private final String bootstrapServers;
    private final ClientConfig config;
    private final Duration timeout;
    private Admin admin;

    KafkaAccess(String bootstrapServers, ClientConfig config, Duration timeout) {
        this.bootstrapServers = bootstrapServers;
        this.config = config;
        this.timeout = timeout;
    }

    Duration timeout() {
        return timeout;
    }

    Set<String> topics() {
        return await(admin().listTopics().names(), "broker " + bootstrapServers);
    }

    void requireTopic(String topic) {
        if (!topics().contains(topic)) {
            throw OperatorException.unknownTopic(topic);
        }
    }

    List<TopicPartition> partitions(String topic) {
        var description = await(admin().describeTopics(List.of(topic)).allTopicNames(), "broker " + bootstrapServers).get(topic);
        return description.partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    /**
     * Creates a topic the operator writes to (parking, audit) when the broker does not have it yet, with the broker's
     * partitions and replication but the given retention: a parked record is a dead letter and waits as long as one
     * (not the broker's default week), and the audit is kept for good ({@code retention} null).
     */
    void ensureTopic(String topic, Duration retention) {
        if (topics().contains(topic)) {
            return;
        }
        try {
            NewTopic declared = new NewTopic(topic, Optional.empty(), Optional.empty()).configs(Map.of(
                    TopicConfig.RETENTION_MS_CONFIG, retention == null ? "-1" : Long.toString(retention.toMillis())));
            admin().createTopics(List.of(declared))
                    .all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw OperatorException.unreachable("broker " + bootstrapServers, e.getCause());
            }
        } catch (Exception e) {
            throw OperatorException.unreachable("broker " + bootstrapServers, e);
        }
    }

    KafkaConsumer<byte[], byte[]> consumer(String groupId) {
        Map<String, Object> props = common();
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        if (groupId != null) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        return client(() -> new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer()));
    }

    /** acks=all and idempotence: a record counts as replayed only once every in-sync replica has it. */
    KafkaProducer<byte[], byte[]> producer() {
        Map<String, Object> props = common();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) timeout.toMillis());
        // delivery.timeout.ms must cover linger.ms + request.timeout.ms
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(timeout.toMillis(), 1000) + 1000);
        return client(() -> new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer()));
    }

    private Admin admin() {
        if (admin == null) {
            Map<String, Object> props = common();
            props.put(AdminClientConfig.RETRIES_CONFIG, 1);
            admin = client(() -> Admin.create(props));
        }
        return admin;
    }

    private Map<String, Object> common() {
        int millis = (int) Math.max(timeout.toMillis(), 1);
        // --command-config first (security.protocol, sasl.*, ssl.*), then what the operator's options and calls need
        Map<String, Object> props = new HashMap<>(config.settings());
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        props.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, millis);
        props.put(CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, Math.min(millis, 5000));
        props.put(CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, Math.min(millis, 5000));
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, "crossdock-operator");
        return props;
    }

    private <T> T client(java.util.function.Supplier<T> factory) {
        try {
            return factory.get();
        } catch (KafkaException e) {
            // an unresolvable or malformed bootstrap address fails in the client's constructor
            throw OperatorException.unreachable("broker " + bootstrapServers, e.getCause() != null ? e.getCause() : e);
        }
    }

    private <T> T await(org.apache.kafka.common.KafkaFuture<T> future, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) {
                throw new OperatorException(ExitCodes.UNKNOWN_TOPIC_OR_GROUP, e.getCause().getMessage());
            }
            if (e.getCause() instanceof AuthenticationException refused) {
                throw refused(what, refused);
            }
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                // the client's own api timeout (the same length as ours) can fire first: the same "no answer"
                throw noAnswer(what);
            }
            throw OperatorException.unreachable(what, e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw noAnswer(what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperatorException(ExitCodes.INTERNAL_ERROR, "interrupted");
        }
    }

    /** A secured listener closes the connection of a client that does not speak its protocol: no answer. */
    private OperatorException noAnswer(String what) {
        return OperatorException.unreachable(what, new java.util.concurrent.TimeoutException("no answer within "
                + timeout + (config.settings().containsKey(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG) ? ""
                : " (a secured cluster needs security.protocol and its credentials: --command-config FILE)")));
    }

    /** Wrong credentials (or a TLS certificate not trusted): trying again cannot help, so a usage error (exit 2). */
    static OperatorException refused(String what, AuthenticationException e) {
        if (e instanceof org.apache.kafka.common.errors.SslAuthenticationException) {
            // the broker's certificate is not signed by what the client trusts (or not for the address it dialled)
            return new OperatorException(ExitCodes.USAGE, "no TLS connection to " + what + ": " + e.getMessage()
                    + " (" + rootCause(e) + "); the client must trust the broker's certificate: ssl.truststore.location"
                    + " and ssl.truststore.password in --command-config");
        }
        return new OperatorException(ExitCodes.USAGE, what + " refused the client's credentials: " + e.getMessage()
                + "; check --command-config");
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    @Override
    public void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
