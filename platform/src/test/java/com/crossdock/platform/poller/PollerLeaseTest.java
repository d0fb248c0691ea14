package com.crossdock.platform.poller;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** One active poller per vendor account, on a real in-process broker. */
@EmbeddedKafka(partitions = 1, brokerProperties = "group.initial.rebalance.delay.ms=0")
class PollerLeaseTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final LeaseSettings SETTINGS = new LeaseSettings(Duration.ofSeconds(6));

    @Test
    void aStandbyTakesTheLeaseOverWhenTheHolderStops(EmbeddedKafkaBroker broker) throws Exception {
        String account = "takeover-" + UUID.randomUUID();
        PollerLease holder = lease(broker, account);
        PollerLease standby = lease(broker, account);
        try {
            holder.start();
            await().atMost(PATIENCE).until(holder::isActive);
            standby.start();
            await().during(Duration.ofSeconds(2)).atMost(PATIENCE).until(() -> !standby.isActive() && holder.isActive());

            holder.close();

            // a clean stop leaves the group at once: the standby need not wait out the session timeout
            await().atMost(Duration.ofSeconds(20)).until(standby::isActive);
        } finally {
            holder.close();
            standby.close();
        }
    }

    @Test
    void eachAccountOfAVendorHasALeaseOfItsOwn(EmbeddedKafkaBroker broker) throws Exception {
        PollerLease north = lease(broker, "north-" + UUID.randomUUID());
        PollerLease south = lease(broker, "south-" + UUID.randomUUID());
        try {
            north.start();
            south.start();

            await().atMost(PATIENCE).until(() -> north.isActive() && south.isActive());
        } finally {
            north.close();
            south.close();
        }
    }

    private static PollerLease lease(EmbeddedKafkaBroker broker, String account) {
        return new PollerLease(Map.of("bootstrap.servers", broker.getBrokersAsString()), SETTINGS, "acme", account);
    }
}
