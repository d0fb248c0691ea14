package com.crossdock.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;

import com.crossdock.platform.vendor.VendorCallException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/** Which listener failures mean "the vendor's breaker is open" (the group pauses) and name the vendor. */
class BreakerPauseTest {

    @Test
    void aCallTheOpenBreakerRefusedNamesItsVendorThroughTheListenersWrapping() {
        CircuitBreaker breaker = CircuitBreaker.ofDefaults("paqtana");
        breaker.transitionToOpenState();
        Throwable refused = new ListenerExecutionFailedException("listener failed", new CompletionException(
                VendorCallException.ofRejection("paqtana", "putMasterInventory",
                        CallNotPermittedException.createCallNotPermittedException(breaker))));

        assertThat(BreakerPause.refusedByOpenBreaker(refused)).contains("paqtana");
    }

    @Test
    void anyOtherFailureOfAVendorCallIsNoOpenBreaker() {
        Throwable timeout = new ListenerExecutionFailedException("listener failed",
                VendorCallException.ofTimeout("paqtana", "putMasterInventory", new java.util.concurrent.TimeoutException()));

        assertThat(BreakerPause.refusedByOpenBreaker(timeout)).isEmpty();
        assertThat(BreakerPause.refusedByOpenBreaker(new IllegalStateException("no vendor"))).isEmpty();
    }
}
