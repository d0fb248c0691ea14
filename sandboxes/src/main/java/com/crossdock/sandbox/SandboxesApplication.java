package com.crossdock.sandbox;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Faithful fakes of the vendor APIs, on one port with a path prefix per vendor. For tests and the
 * local stack only, never on a production path.
 *
 * <p>Its configuration is {@code sandboxes.yml}, not {@code application.yml}: the local launcher runs
 * several services from one classpath and starts this one with {@code spring.config.name=sandboxes}.
 * For the same reason it excludes Kafka and Crossdock's platform by name: a vendor fake has no business with
 * either, yet on a shared classpath (the local stack, a service's tests) their auto-configuration would start
 * a Kafka admin client in the sandbox, retrying a broker it never needed.
 */
@SpringBootApplication(excludeName = {
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.metrics.KafkaMetricsAutoConfiguration",
        "com.crossdock.platform.config.CrossdockPlatformAutoConfiguration"})
@ConfigurationPropertiesScan
public class SandboxesApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(SandboxesApplication.class)
                .properties("spring.config.name=sandboxes")
                .run(args);
    }
}
