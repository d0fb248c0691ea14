package com.crossdock.sandbox;

import java.util.Map;
import java.util.function.Supplier;

/**
 * One vendor's fake as the kit serves it: its path prefix, what it holds, and how to forget it. For every
 * such bean the kit answers {@code GET /<prefix>/_sandbox/state} and {@code DELETE /<prefix>/_sandbox}
 * ({@link VendorSandboxRoutes}), and {@code DELETE /_sandbox} resets it with everything else: a vendor sandbox
 * writes no control endpoint of its own for these.
 */
public interface VendorSandbox extends Resettable {

    /** The vendor's path prefix without slashes around it: {@code paqtana}, {@code prodsmart}, {@code suppliers/omega}. */
    String prefix();

    /** What {@code GET /<prefix>/_sandbox/state} answers: the counters and pending work a test or a demo looks at. */
    Map<String, Object> state();

    /**
     * Forgets all the vendor's fake holds: its data, its tokens, its rate-limit window. Its faults stay (they are
     * cleared at {@code /_sandbox/faults/<prefix>}); its part of the received log is cleared by the kit.
     */
    @Override
    void reset();

    /** A vendor's fake from its prefix, its state and its reset, for a vendor that needs no class of its own. */
    static VendorSandbox of(String prefix, Supplier<Map<String, Object>> state, Runnable reset) {
        return new VendorSandbox() {
            @Override
            public String prefix() {
                return prefix;
            }

            @Override
            public Map<String, Object> state() {
                return state.get();
            }

            @Override
            public void reset() {
                reset.run();
            }
        };
    }
}
