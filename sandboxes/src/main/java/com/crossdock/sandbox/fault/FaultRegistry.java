package com.crossdock.sandbox.fault;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.crossdock.sandbox.Resettable;
import com.crossdock.sandbox.SandboxPaths;
import org.springframework.stereotype.Component;

/**
 * Faults per vendor prefix ("paqtana", "suppliers/omega"). A request is governed by the most specific
 * (longest) prefix it lies under, so one supplier can fail while the others answer.
 */
@Component
public class FaultRegistry implements Resettable {

    private final ConcurrentMap<String, ActiveFault> faults = new ConcurrentHashMap<>();

    public void set(String vendor, FaultSpec spec) {
        faults.put(vendor, new ActiveFault(spec));
    }

    public void clear(String vendor) {
        faults.remove(vendor);
    }

    @Override
    public void reset() {
        faults.clear();
    }

    /** Consumes one use of the fault that governs {@code path}, if any. */
    public Optional<FaultSpec> take(String path) {
        return take(null, path);
    }

    /** Consumes one use of the fault that governs a {@code method} request to {@code path}, if any. */
    public Optional<FaultSpec> take(String method, String path) {
        return faults.entrySet().stream()
                .filter(e -> SandboxPaths.isUnder(path, e.getKey()))
                .filter(e -> method == null || e.getValue().spec().applies(method))
                .max(Comparator.comparingInt(e -> e.getKey().length()))
                .filter(e -> take(e.getKey(), e.getValue()))
                .map(e -> e.getValue().spec());
    }

    /** The faults in force, by vendor prefix. */
    public Map<String, FaultView> list() {
        Map<String, FaultView> views = new TreeMap<>();
        faults.forEach((vendor, fault) -> views.put(vendor, FaultView.of(fault)));
        return views;
    }

    private boolean take(String vendor, ActiveFault fault) {
        boolean taken = fault.take();
        if (fault.usedUp()) {
            faults.remove(vendor, fault);
        }
        return taken;
    }

    /** A fault in force as {@code GET /_sandbox/faults} shows it; {@code remaining} null = until cleared. */
    public record FaultView(Integer status, Integer count, Integer remaining, Long latencyMs,
                            Integer retryAfterSeconds, Object body, boolean afterServing, boolean reset,
                            String method) {

        static FaultView of(ActiveFault fault) {
            FaultSpec s = fault.spec();
            return new FaultView(s.status(), s.count(), fault.remaining(), s.latencyMs(),
                    s.retryAfterSeconds(), s.hasBody() ? s.body() : null, s.servesFirst(), s.resets(), s.method());
        }
    }
}
