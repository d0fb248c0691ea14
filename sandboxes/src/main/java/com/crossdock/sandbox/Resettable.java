package com.crossdock.sandbox;

/** State a sandbox holds that {@code DELETE /_sandbox} (and the vendor's own reset) clears, for tests. */
public interface Resettable {

    void reset();
}
