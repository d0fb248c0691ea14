package com.crossdock.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.crossdock.sandbox.SandboxesApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The vendor sandboxes, started by a test as the local launcher starts them ({@code spring.config.name=sandboxes})
 * but on a free port and on their own event loops ({@link OwnEventLoops}): closing one sandbox stops nothing
 * else in the JVM. The module that starts them has {@code sandboxes} on its test classpath.
 *
 * <pre>{@code
 * SandboxServer sandbox = SandboxServer.shared("--sandboxes.prodsmart.api.rate-limit=20");
 * registry.add("crossdock.vendors.prodsmart.base-url", () -> sandbox.url("prodsmart"));
 * sandbox.control().prodsmart().change("stock", items);
 * }</pre>
 */
public final class SandboxServer implements AutoCloseable {

    private static final Map<List<String>, SandboxServer> SHARED = new ConcurrentHashMap<>();

    private final ConfigurableApplicationContext context;
    private final String url;
    private final SandboxControl control;

    private SandboxServer(ConfigurableApplicationContext context) {
        this.context = context;
        this.url = "http://localhost:" + context.getEnvironment().getRequiredProperty("local.server.port");
        this.control = new SandboxControl(url);
    }

    /**
     * A sandbox of the caller's own, which it closes: for a test that must not share one (its feed drained by
     * nobody else, its own rate limit). {@code arguments} are command-line style ({@code --sandboxes.x=y}): they
     * win over sandboxes.yml, as default properties would not (its port 8090 would).
     */
    public static SandboxServer start(String... arguments) {
        List<String> all = new ArrayList<>(List.of("--server.port=0"));
        all.addAll(List.of(arguments));
        return new SandboxServer(new SpringApplicationBuilder(SandboxesApplication.class)
                .properties("spring.config.name=sandboxes")
                .initializers(OwnEventLoops.initializer())
                .run(all.toArray(String[]::new)));
    }

    /** One sandbox per distinct argument list per JVM, started on first use and left running until the JVM exits. */
    public static SandboxServer shared(String... arguments) {
        return SHARED.computeIfAbsent(List.of(arguments), key -> start(arguments));
    }

    /** {@code http://localhost:<port>}. */
    public String url() {
        return url;
    }

    /** The base URL of one vendor's fake: {@code url("prodsmart")} is {@code http://localhost:<port>/prodsmart}. */
    public String url(String prefix) {
        return url + "/" + prefix;
    }

    /** A client of the sandboxes' control endpoints: faults, state, reset, received log, vendor controls. */
    public SandboxControl control() {
        return control;
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        SHARED.values().remove(this);
        context.close();
    }
}
