package com.crossdock.platform.spool;

/**
 * What one {@link DurableSpool#drain} run did: how many records Kafka acknowledged, and why it stopped
 * early ({@code null} when it stopped because the spool was empty or a stop was requested). A
 * {@link SpoolCorruptedException} failure needs an operator; any other is retried by a later drain.
 */
public record DrainResult(long delivered, Throwable failure) {

    public boolean succeeded() {
        return failure == null;
    }
}
