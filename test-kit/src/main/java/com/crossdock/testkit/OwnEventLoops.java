package com.crossdock.testkit;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Gives a Spring application started by a test its own Netty event loops. A context on Reactor's global loops
 * disposes them when it closes, and every other server and client of the JVM (the test's own context, a
 * sandbox, a second service) stops with it; a context with its own loops takes only its own down.
 *
 * <pre>{@code
 * new SpringApplicationBuilder(MyApplication.class).initializers(OwnEventLoops.initializer()).run(...)
 * }</pre>
 */
public final class OwnEventLoops {

    private OwnEventLoops() {
    }

    public static ApplicationContextInitializer<ConfigurableApplicationContext> initializer() {
        // registered before the auto-configuration, which then keeps this factory instead of its global one
        return context -> ((GenericApplicationContext) context).registerBean(ReactorResourceFactory.class, () -> {
            ReactorResourceFactory own = new ReactorResourceFactory();
            own.setUseGlobalResources(false);
            return own;
        });
    }
}
