package com.crossdock.platform.spool;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A service's spool and its drainer. The service supplies the {@link DurableSpool.Sender} bean, for
 * instance {@code record -> rawSender.send(KafkaSpoolRecords.toProducerRecord(record))} with a byte-array
 * producer that has acks=all and idempotence.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SpoolProperties.class)
public class SpoolConfiguration {

    /**
     * Lower than the web server's phases, so the drainer starts before the first webhook is taken and
     * stops only after the web server's graceful shutdown, when nothing can be spooled any more.
     */
    static final int DRAINER_PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    @Bean(destroyMethod = "close")
    DurableSpool durableSpool(SpoolProperties properties, ObjectProvider<MeterRegistry> meters) throws IOException {
        DurableSpool spool = DurableSpool.open(properties.toOptions());
        meters.ifAvailable(registry -> SpoolMetrics.register(registry, properties.name(), spool));
        return spool;
    }

    @Bean
    SpoolDrainer spoolDrainer(DurableSpool spool, DurableSpool.Sender sender, SpoolProperties properties) {
        return new SpoolDrainer(spool, sender, properties.drainInterval(), properties.retry(),
                properties.drainOnStop());
    }

    /** The health contributor {@code spool}: DOWN once the spool refuses appends (for readiness). */
    @Bean
    SpoolHealth spoolHealthIndicator(DurableSpool spool) {
        return new SpoolHealth(spool);
    }

    /** {@code /actuator/spool}: the spool's state and its set-aside records, and their replay. */
    @Bean
    SpoolEndpoint spoolEndpoint(DurableSpool spool, DurableSpool.Sender sender) {
        return new SpoolEndpoint(spool, sender);
    }

    @Bean
    SmartLifecycle spoolDrainerLifecycle(SpoolDrainer drainer) {
        return new SmartLifecycle() {
            @Override
            public void start() {
                drainer.start();
            }

            @Override
            public void stop() {
                drainer.stop();
            }

            @Override
            public boolean isRunning() {
                return drainer.isRunning();
            }

            @Override
            public int getPhase() {
                return DRAINER_PHASE;
            }
        };
    }
}
