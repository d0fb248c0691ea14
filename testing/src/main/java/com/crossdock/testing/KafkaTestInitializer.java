package com.crossdock.testing;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a Spring test context at the JVM's shared broker and registry. Use it with
 * {@code @ContextConfiguration(initializers = KafkaTestInitializer.class)} or the {@link CrossdockKafkaTest}
 * annotation; contexts that differ in nothing else are then cached and shared across test classes.
 */
public final class KafkaTestInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                "spring.kafka.properties.schema.registry.url=" + TestSchemaRegistry.url(),
                "crossdock.kafka.retry.initial-interval=100ms",
                "crossdock.kafka.retry.max-interval=500ms")
                .applyTo(context);
    }
}
