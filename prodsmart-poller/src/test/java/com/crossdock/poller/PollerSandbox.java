package com.crossdock.poller;

import com.crossdock.sandbox.SandboxesApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;

/** The vendor sandboxes as the poller tests run them: a free port, 20 Prodsmart requests allowed per 5 s. */
final class PollerSandbox {

    private PollerSandbox() {
    }

    static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(SandboxesApplication.class)
                .properties("spring.config.name=sandboxes")
                .initializers(ownNettyResources())
                // arguments, not default properties: they must win over sandboxes.yml (port 8090)
                .run("--server.port=0", "--sandboxes.prodsmart.api.rate-limit=20", "--sandboxes.prodsmart.api.rate-period=5s");
    }

    static String url(ConfigurableApplicationContext sandbox) {
        return "http://localhost:" + sandbox.getEnvironment().getProperty("local.server.port");
    }

    /**
     * For a context that a test closes while others of the JVM go on: its own Netty loops. A context on Reactor's
     * global ones disposes them when it closes, and every other server of the JVM stops with it.
     */
    static ApplicationContextInitializer<ConfigurableApplicationContext> ownNettyResources() {
        return context -> ((GenericApplicationContext) context).registerBean(ReactorResourceFactory.class, () -> {
            ReactorResourceFactory own = new ReactorResourceFactory();
            own.setUseGlobalResources(false);
            return own;
        });
    }
}
