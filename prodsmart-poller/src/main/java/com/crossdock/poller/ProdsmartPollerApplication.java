package com.crossdock.poller;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Drains the Prodsmart change feeds of one company into canonical events and reconciles from the list
 * endpoints. Configuration {@code prodsmart-poller.yml} ({@code spring.config.name=prodsmart-poller}), so
 * the local launcher can run it next to the other services from one classpath.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ProdsmartPollerApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(ProdsmartPollerApplication.class)
                .properties("spring.config.name=prodsmart-poller")
                .run(args);
    }
}
