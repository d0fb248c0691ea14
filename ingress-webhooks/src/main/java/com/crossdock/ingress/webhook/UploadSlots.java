package com.crossdock.ingress.webhook;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.crossdock.platform.web.Problems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Bounds the webhook bodies being read at once ({@code crossdock.ingress.max-concurrent-uploads}): a body holds up to
 * {@code max-body-bytes} of memory while it arrives, so N slow clients would otherwise hold N bodies. One upload past
 * the bound is answered 503 with {@code Retry-After} at once, before its body is read; a provider retries it (a
 * webhook not answered 2xx was not taken). The slot is held while the body is read, not while Kafka acknowledges it.
 * <p>
 * Taken by {@link WebhookEndpoint} for each webhook and given back by {@link WebhookIntake} once the body is read
 * (or refused, or abandoned): the webhook path's own step, not a web filter around every request (issue 15's
 * profile: a filter cost each webhook a checkpoint, a copy of the exchange and a decorated request).
 */
final class UploadSlots {

    /** The gauge of bodies being read now. */
    static final String IN_FLIGHT = "crossdock.ingress.uploads.in_flight";
    /** The counter of uploads refused because as many were being read already. */
    static final String REFUSED = "crossdock.ingress.uploads.refused";
    static final String RETRY_AFTER_SECONDS = "5";

    private final int limit;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Counter refused;

    UploadSlots(int limit, MeterRegistry registry) {
        this.limit = limit;
        Gauge.builder(IN_FLIGHT, inFlight, AtomicInteger::get)
                .description("webhook bodies being read now (at most crossdock.ingress.max-concurrent-uploads)")
                .register(registry);
        this.refused = Counter.builder(REFUSED)
                .description("webhooks answered 503 because max-concurrent-uploads bodies were being read")
                .register(registry);
    }

    /**
     * A slot for one upload: the returned action gives it back (once, however often it runs).
     *
     * @throws ErrorResponseException 503 with {@code Retry-After} when {@code limit} bodies are being read already
     */
    Runnable take() {
        if (inFlight.incrementAndGet() > limit) {
            inFlight.decrementAndGet();
            refused.increment();
            ErrorResponseException full = Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "webhook-uploads-full",
                    "too many webhooks are being uploaded at once; retry after " + RETRY_AFTER_SECONDS + " s", null);
            full.getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            throw full;
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                inFlight.decrementAndGet();
            }
        };
    }
}
