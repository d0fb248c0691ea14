package com.crossdock.serpi;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Syncs SERPI's articles both ways and reads its stock. Configuration {@code serpi-sync.yml}
 * ({@code spring.config.name=serpi-sync}), so the local launcher can run it next to the other services from one
 * classpath.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SerpiSyncApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(SerpiSyncApplication.class)
                .properties("spring.config.name=serpi-sync")
                .run(args);
    }
}
