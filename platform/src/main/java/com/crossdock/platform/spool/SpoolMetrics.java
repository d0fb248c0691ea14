package com.crossdock.platform.spool;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * Registers a spool's meters, tagged {@code spool=<name>}: {@code crossdock.spool.depth} and
 * {@code crossdock.spool.bytes} (what waits for Kafka: alert when it grows for long),
 * {@code crossdock.spool.fsyncs} and {@code crossdock.spool.corruptions} (alert on any increase), and
 * {@code crossdock.spool.set_aside} (records Kafka refused for good, waiting for an operator: alert above 0).
 */
public final class SpoolMetrics {

    public static final String DEPTH = "crossdock.spool.depth";
    public static final String BYTES = "crossdock.spool.bytes";
    public static final String FSYNCS = "crossdock.spool.fsyncs";
    public static final String CORRUPTIONS = "crossdock.spool.corruptions";
    public static final String SET_ASIDE = "crossdock.spool.set_aside";
    public static final String MAX_BYTES = "crossdock.spool.max_bytes";
    public static final String DAMAGED = "crossdock.spool.damaged";
    public static final String REFUSED_FULL = "crossdock.spool.refused_full";
    public static final String WRITE_REFUSED = "crossdock.spool.write_refused";

    private SpoolMetrics() {
    }

    public static void register(MeterRegistry registry, String spoolName, DurableSpool spool) {
        Tags tags = Tags.of("spool", spoolName);
        Gauge.builder(DEPTH, spool, DurableSpool::depth)
                .description("records spooled and not yet acknowledged by Kafka").tags(tags).register(registry);
        Gauge.builder(BYTES, spool, DurableSpool::bytes).baseUnit("bytes")
                .description("bytes spooled and not yet acknowledged by Kafka").tags(tags).register(registry);
        FunctionCounter.builder(FSYNCS, spool, DurableSpool::fsyncCount)
                .description("fsyncs by the spool writer; one covers many appends under load").tags(tags)
                .register(registry);
        FunctionCounter.builder(CORRUPTIONS, spool, DurableSpool::corruptionCount)
                .description("drains stopped at a damaged spool record").tags(tags).register(registry);
        FunctionCounter.builder(DAMAGED, spool, DurableSpool::damagedCount)
                .description("damaged spool files set aside to damaged/ on open (alert on any)").tags(tags)
                .register(registry);
        Gauge.builder(MAX_BYTES, spool, s -> (double) s.options().maxBytes()).baseUnit("bytes")
                .description("the most the spool holds (crossdock.spool.max-size): alert as bytes nears it")
                .tags(tags).register(registry);
        FunctionCounter.builder(REFUSED_FULL, spool, DurableSpool::refusedFullCount)
                .description("appends refused because the spool was full").tags(tags).register(registry);
        FunctionCounter.builder(WRITE_REFUSED, spool, DurableSpool::refusedWriteCount)
                .description("spool writes the file system refused (no space left); their appends failed").tags(tags)
                .register(registry);
        Gauge.builder(SET_ASIDE, spool, DurableSpool::setAsideDepth)
                .description("records Kafka refused for good, set aside for an operator (GET/POST /actuator/spool)")
                .tags(tags).register(registry);
    }
}
