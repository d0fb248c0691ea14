package com.crossdock.paqtana;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Canonical events → Paqtana's master inventory and historical demand. Its configuration is
 * {@code paqtana-publisher.yml}: the local launcher runs several services from one classpath.
 */
@SpringBootApplication
public class PaqtanaPublisherApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(PaqtanaPublisherApplication.class)
                .properties("spring.config.name=paqtana-publisher")
                .run(args);
    }
}
