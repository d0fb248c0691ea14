package com.crossdock.suppliers;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * One API over the auto-parts suppliers: quotes and availability across them, idempotent orders, and their invoices
 * polled into incoming goods. Its configuration is {@code supplier-gateway.yml}: the local launcher runs several
 * services from one classpath.
 */
@SpringBootApplication

public class SupplierGatewayApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(SupplierGatewayApplication.class)
                .properties("spring.config.name=supplier-gateway")
                .run(args);
    }
}
