package com.crossdock.platform.kafka;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.crossdock.platform.error.Causes;
import com.crossdock.platform.vendor.VendorCallException;
import com.crossdock.platform.vendor.VendorPolicies;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.listener.ListenerContainerRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * While a vendor's circuit breaker is open, the consumer groups whose listener it refused wait, paused
 * (spring-kafka's container pause), and resume when the breaker half-opens: a vendor outage delays that vendor's
 * records, it does not dead-letter them (dead letters are for permanent failures). The error handler retries such a
 * record without an attempt limit, so a record refused by an open breaker is never dead-lettered for it.
 */
final class BreakerPause {

    private static final Logger log = LoggerFactory.getLogger(BreakerPause.class);

    private final ObjectProvider<VendorPolicies> policies;
    private final ObjectProvider<ListenerContainerRegistry> registry;
    /** vendor/listener pairs whose breaker transitions are already watched (an event consumer cannot be removed). */
    private final Set<String> watched = ConcurrentHashMap.newKeySet();

    BreakerPause(ObjectProvider<VendorPolicies> policies, ObjectProvider<ListenerContainerRegistry> registry) {
        this.policies = policies;
        this.registry = registry;
    }

    /** The vendor whose open breaker refused the call {@code failure} tells of, if that is what it tells. */
    static Optional<String> refusedByOpenBreaker(Throwable failure) {
        if (!Causes.has(failure, CallNotPermittedException.class)) {
            return Optional.empty();
        }
        return Causes.find(failure, VendorCallException.class).map(VendorCallException::vendor);
    }

    /** Pauses the containers of {@code group} while {@code vendor}'s breaker stays open. */
    void pauseWhileOpen(String group, String vendor) {
        VendorPolicies vendors = policies.getIfAvailable();
        ListenerContainerRegistry containers = registry.getIfAvailable();
        if (vendors == null || containers == null || group == null) {
            return;
        }
        CircuitBreaker breaker = vendors.forVendor(vendor).circuitBreaker();
        for (MessageListenerContainer container : containers.getListenerContainers()) {
            if (!group.equals(container.getGroupId())) {
                continue;
            }
            if (watched.add(vendor + "/" + container.getListenerId())) {
                breaker.getEventPublisher().onStateTransition(event -> {
                    if (!isOpen(event.getStateTransition().getToState())) {
                        resume(container, vendor);
                    }
                });
            }
            if (isOpen(breaker.getState())) {
                log.warn("Vendor {} circuit breaker is open: consumer group {} paused until it half-opens", vendor, group);
                container.pause();
                if (!isOpen(breaker.getState())) {
                    // it half-opened between the look and the pause: its transition may have passed already
                    resume(container, vendor);
                }
            }
        }
    }

    private static void resume(MessageListenerContainer container, String vendor) {
        if (container.isPauseRequested()) {
            log.info("Vendor {} circuit breaker left open: consumer group {} resumes", vendor, container.getGroupId());
            container.resume();
        }
    }

    private static boolean isOpen(CircuitBreaker.State state) {
        return state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN;
    }
}
