package com.crossdock.ingress;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The public HTTP edge for webhook providers: verify, dedupe, persist raw, map to canonical events.
 * Its configuration is {@code ingress-webhooks.yml} (not application.yml), so that the local launcher can run
 * it next to the other services in one JVM.
 */
@SpringBootApplication
public class IngressApplication {

    public static final String CONFIG_NAME = "ingress-webhooks";

    public static void main(String[] args) {
        new SpringApplicationBuilder(IngressApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
