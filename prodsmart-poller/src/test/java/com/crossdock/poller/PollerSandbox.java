package com.crossdock.poller;

import com.crossdock.sandbox.SandboxesApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The vendor sandboxes as the poller tests run them: a free port, 20 Prodsmart requests allowed per 5 s. */
final class PollerSandbox {

    private PollerSandbox() {
    }

    static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(SandboxesApplication.class)
                .properties("spring.config.name=sandboxes")
                // arguments, not default properties: they must win over sandboxes.yml (port 8090)
                .run("--server.port=0", "--sandboxes.prodsmart.api.rate-limit=20", "--sandboxes.prodsmart.api.rate-period=5s");
    }

    static String url(ConfigurableApplicationContext sandbox) {
        return "http://localhost:" + sandbox.getEnvironment().getProperty("local.server.port");
    }
}
