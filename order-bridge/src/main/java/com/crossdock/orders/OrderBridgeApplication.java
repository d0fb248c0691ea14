package com.crossdock.orders;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Moves BaseLinker orders into Optimakers and their fulfilment back to BaseLinker: imports the orders of one
 * BaseLinker status as OrderPlaced, creates each once at Optimakers, reads Optimakers' webhooks (stored by the
 * ingress) into OrderFulfilled and ArticleUpserted, and sets a fulfilled order's BaseLinker status. Configuration
 * {@code order-bridge.yml} ({@code spring.config.name=order-bridge}), so the local launcher can run it next to the
 * other services from one classpath.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OrderBridgeApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(OrderBridgeApplication.class)
                .properties("spring.config.name=order-bridge")
                .run(args);
    }
}
