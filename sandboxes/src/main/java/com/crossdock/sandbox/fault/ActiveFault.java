package com.crossdock.sandbox.fault;

import java.util.concurrent.atomic.AtomicInteger;

/** A registered fault and how many more requests it still applies to. */
final class ActiveFault {

    private static final int UNLIMITED = -1;

    private final FaultSpec spec;
    private final AtomicInteger remaining;

    ActiveFault(FaultSpec spec) {
        this.spec = spec;
        this.remaining = new AtomicInteger(spec.count() == null ? UNLIMITED : spec.count());
    }

    FaultSpec spec() {
        return spec;
    }

    /** Takes one use; false when the fault is already used up (a concurrent request took the last one). */
    boolean take() {
        int before = remaining.getAndUpdate(r -> r > 0 ? r - 1 : r);
        return before != 0;
    }

    boolean usedUp() {
        return remaining.get() == 0;
    }

    Integer remaining() {
        int r = remaining.get();
        return r == UNLIMITED ? null : r;
    }
}
