package com.crossdock.platform.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

class CausesTest {

    @Test
    void findsACauseOfOneOfTheTypesAnywhereInTheChain() {
        IOException root = new IOException("disk");
        Throwable failure = new CompletionException(new UncheckedIOException(root));

        assertThat(Causes.find(failure, TimeoutException.class, IOException.class)).containsSame(root);
        assertThat(Causes.has(failure, CompletionException.class)).as("the failure itself").isTrue();
        assertThat(Causes.has(failure, TimeoutException.class)).isFalse();
        assertThat(Causes.has(null, IOException.class)).isFalse();
    }

    @Test
    void endsOnAChainThatLoops() {
        IllegalStateException first = new IllegalStateException("a");
        IllegalArgumentException second = new IllegalArgumentException("b", first);
        first.initCause(second);

        assertThat(Causes.has(first, TimeoutException.class)).isFalse();
    }
}
