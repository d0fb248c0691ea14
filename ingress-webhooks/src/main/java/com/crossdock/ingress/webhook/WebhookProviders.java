package com.crossdock.ingress.webhook;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.crossdock.ingress.webhook.store.DedupeMemory;
import com.crossdock.platform.kafka.ConsumerGroup;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The service's webhook providers (every {@link WebhookProvider} bean), each with its meters and its memory of
 * delivery ids: one memory per provider, since two providers' ids may well collide. Refuses, at start-up, two
 * providers on one path, raw topic or mapper group, and a mapper group that is not a {@code ConsumerGroup} bean
 * (its retry and dead-letter topics would not be created).
 */
final class WebhookProviders {

    /** A provider with what the kit keeps for it. */
    record Registered(WebhookProvider provider, IngressMetrics metrics, DedupeMemory dedupe) {

        String name() {
            return provider.name();
        }
    }

    private final List<Registered> registered;

    WebhookProviders(List<WebhookProvider> providers, List<ConsumerGroup> groupBeans, IngressProperties.Dedupe dedupe,
            Clock clock, MeterRegistry registry) {
        if (providers.isEmpty()) {
            throw new IllegalStateException("the ingress has no WebhookProvider bean: it would receive nothing");
        }
        Set<String> seen = new HashSet<>();
        List<Registered> all = new ArrayList<>();
        for (WebhookProvider provider : providers) {
            unique(seen, "name", provider.name());
            unique(seen, "raw topic", provider.rawTopic());
            unique(seen, "mapper group", provider.mapperGroup().id());
            if (!groupBeans.contains(provider.mapperGroup())) {
                throw new IllegalStateException("the mapper group " + provider.mapperGroup().id() + " of webhook provider "
                        + provider.name() + " must be a ConsumerGroup bean, so that its retry and dead-letter topics exist");
            }
            DedupeMemory memory = new DedupeMemory(dedupe.window(), dedupe.maximumEntries(), clock);
            Gauge.builder(IngressMetrics.DEDUPE_SIZE, memory, DedupeMemory::size).tag(IngressMetrics.PROVIDER, provider.name())
                    .description("delivery ids remembered").register(registry);
            all.add(new Registered(provider, new IngressMetrics(registry, provider.name()), memory));
        }
        this.registered = List.copyOf(all);
    }

    List<Registered> all() {
        return registered;
    }

    private static void unique(Set<String> seen, String what, String value) {
        if (!seen.add(what + ":" + value)) {
            throw new IllegalStateException("two webhook providers have the " + what + " " + value);
        }
    }
}
