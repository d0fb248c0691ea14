package com.crossdock.sandbox;

/** State the sandbox holds that {@code DELETE /_sandbox} clears, for tests: every {@link VendorSandbox}, the received log, the faults. */
public interface Resettable {

    void reset();
}
