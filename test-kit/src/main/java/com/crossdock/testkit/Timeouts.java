package com.crossdock.testkit;

import java.time.Duration;

/**
 * The timeouts every module's tests share, instead of a constant per test class. They bound a wait, they do not
 * make one: a condition that holds sooner ends the wait sooner, so they are generous for a slow, shared build
 * machine and only make a failing test slower to fail.
 */
public final class Timeouts {

    /** The longest a test waits for something asynchronous that should happen (an event through Kafka, a poll): Awaitility's {@code atMost}. */
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    /** For waits that span an outage and the recovery after it (a paused broker, a session timeout, a long reconciliation). */
    public static final Duration RECOVERY = Duration.ofSeconds(120);

    /** The longest one blocking call of a test may take ({@code Mono.block}, an HTTP call to a sandbox). */
    public static final Duration BLOCK = Duration.ofSeconds(20);

    private Timeouts() {
    }
}
