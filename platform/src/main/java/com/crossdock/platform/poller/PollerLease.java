package com.crossdock.platform.poller;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.crossdock.platform.kafka.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One active poller per vendor account: two would split a destructive feed, move one cursor twice and spend one
 * rate budget twice. The lease is the single partition of {@code Topics.leaseTopic(vendor)}, consumed by the group
 * {@code Topics.leaseGroup(vendor, account)}: Kafka assigns it to one member; the others wait, say so in the log,
 * and take over within a session timeout when the holder leaves or dies. A standby that joins never takes the
 * lease from a live holder (cooperative sticky assignment).
 */
public final class PollerLease implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PollerLease.class);
    private static final Duration STANDBY_LOG_EVERY = Duration.ofMinutes(1);

    private final Map<String, Object> consumerProperties;
    private final String vendor;
    private final String account;
    private final String topic;
    private final String group;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;
    private volatile boolean active;
    private volatile boolean running;
    private Instant lastStandbyLog;

    public PollerLease(Map<String, Object> consumerProperties, LeaseSettings settings, String vendor, String account) {
        this.vendor = vendor;
        this.account = account;
        this.topic = Topics.leaseTopic(vendor);
        this.group = Topics.leaseGroup(vendor, account);
        Map<String, Object> props = new HashMap<>(consumerProperties);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) settings.sessionTimeout().toMillis());
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) settings.sessionTimeout().toMillis() / 3);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // sticky and cooperative: a standby joining the group must not take the partition from the holder
        // (the default range assignor gives it to whichever member id sorts first), and the holder keeps it
        // through the rebalance instead of giving it up and getting it back
        props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        this.consumerProperties = Map.copyOf(props);
    }

    /**
     * Joins the lease group on a thread of its own; again after {@link #close()} (a lifecycle stopped and started
     * again, as Spring's test context cache does with a paused context), with a new member.
     */
    public synchronized void start() {
        if (thread != null && thread.isAlive()) {
            return;
        }
        KafkaConsumer<byte[], byte[]> member = new KafkaConsumer<>(consumerProperties, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        consumer = member;
        running = true;
        thread = new Thread(() -> run(member), vendor + "-poller-lease");
        thread.setDaemon(true);
        thread.start();
    }

    public boolean isActive() {
        return active && running;
    }

    public String account() {
        return account;
    }

    private void run(KafkaConsumer<byte[], byte[]> member) {
        // until the first rebalance tells, a member is neither holder nor known standby
        lastStandbyLog = Instant.now();
        try {
            member.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    // called after every rebalance, with what this member gained (cooperative protocol)
                    if (!partitions.isEmpty()) {
                        active = true;
                        log.info("Lease of {} account {} acquired ({} in group {}): this instance polls the account",
                                vendor, account, topic, group);
                    } else if (!active) {
                        // joined, and another member holds the lease: say so at once, not only after a while
                        standby();
                    }
                }

                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    release(partitions);
                }

                @Override
                public void onPartitionsLost(Collection<TopicPartition> partitions) {
                    release(partitions);
                }
            });
            while (running) {
                member.poll(Duration.ofMillis(500));
                if (!active && Duration.between(lastStandbyLog, Instant.now()).compareTo(STANDBY_LOG_EVERY) > 0) {
                    standby();
                }
            }
        } catch (WakeupException stopping) {
            log.debug("Lease loop of {} woken up to stop", vendor);
        } catch (RuntimeException failed) {
            log.error("Lease loop of {} account {} failed; this instance stops polling", vendor, account, failed);
        } finally {
            active = false;
            member.close();
        }
    }

    /** On the lease thread only. */
    private void standby() {
        log.info("Standby: another instance holds the lease of {} account {} ({} in group {}); this one reads nothing "
                + "from {} and takes over when the holder leaves. Run one poller per account", vendor, account, topic,
                group, vendor);
        lastStandbyLog = Instant.now();
    }

    private void release(Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty() && active) {
            active = false;
            log.info("Lease of {} account {} released ({} in group {})", vendor, account, topic, group);
        }
    }

    @Override
    public void close() throws InterruptedException {
        Thread leaseThread;
        synchronized (this) {
            running = false;
            active = false;
            leaseThread = thread;
        }
        KafkaConsumer<byte[], byte[]> member = consumer;
        if (member != null) {
            member.wakeup();
        }
        if (leaseThread != null) {
            leaseThread.join(Duration.ofSeconds(30).toMillis());
        }
    }
}
