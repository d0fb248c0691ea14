/**
 * The vendor-call policy of DESIGN.md "Calling vendors": every call to a vendor API goes through the
 * {@link com.crossdock.platform.vendor.VendorPolicy} of its credential, obtained from
 * {@link com.crossdock.platform.vendor.VendorPolicies}, configured under {@code crossdock.vendors.<name>}
 * ({@link com.crossdock.platform.vendor.VendorProperties}: an entry inherits what it leaves out from its
 * {@code base-config} or {@code crossdock.vendors.defaults}, field by field). The clients that send those
 * calls, with the vendor's base URL and authentication, come from
 * {@link com.crossdock.platform.vendor.client.VendorClients}.
 *
 * <p>The parts wrap one another in this order, outermost first:
 * <pre>
 * retry( throttleGate( circuitBreaker( rateLimiter( bulkhead( timeout( the HTTP exchange ))))))
 * </pre>
 * <ul>
 * <li><b>Retry outermost</b>: each attempt passes the other parts again. It takes its own rate-limit
 * permit (the vendor counts every request, retries included: Prodsmart 120/min per company), waits for
 * its own bulkhead slot, gets its own timeout, and its outcome is seen by the breaker. When the breaker
 * opens during the retries, the next attempt is rejected at once and not retried. The backoff waits
 * hold nothing: no permit, no slot.</li>
 * <li><b>Throttle gate outside the breaker</b>: when the vendor tells one caller to wait (429, a
 * {@code Retry-After}, a blocked token), every attempt of the credential waits until then, holding nothing;
 * a wait beyond {@code max-retry-after} fails the call at once as transient, with the wait attached.</li>
 * <li><b>Circuit breaker outside the limiter</b>: while the vendor is down, calls are rejected at once
 * instead of queueing for permits, and spend none of the vendor's budget. It records only transient
 * failures (5xx, 408, 429, I/O, timeouts); a 4xx is a healthy vendor's answer, and waiting for our own
 * limiter or bulkhead says nothing about the vendor.</li>
 * <li><b>Rate limiter outside the bulkhead</b>: a call waits for its time slot before it takes a
 * concurrency slot, so that waiting for a permit never holds SERPI's single slot. The wait does not
 * block a thread. A call of a budget share ({@link com.crossdock.platform.vendor.VendorPolicy#share(String)})
 * takes a permit of the share's limiter first, then one of the vendor's.</li>
 * <li><b>Bulkhead outside the timeout</b>: the time spent waiting for a slot (bounded by
 * {@code bulkhead-max-wait}) does not eat the attempt's timeout. SERPI: one token may not be used by
 * two requests at once ({@code vendor-docs/serpi-articulos-api.es.txt}), so {@code max-concurrent-calls: 1}.
 * The wait holds no thread, first come first served ({@code VendorBulkhead}); an
 * attempt gives its slot back once the last byte of the vendor's answer is in (the vendor is done with it), before
 * the answer is decoded and judged, and the next waiting attempt is sent right there, on that thread.</li>
 * <li><b>Timeout innermost</b>: it measures the vendor's answer to one attempt, nothing of ours.</li>
 * </ul>
 *
 * <p>The retry waits the jittered exponential backoff or the vendor's {@code Retry-After} (seconds or
 * HTTP-date), whichever is longer; a {@code Retry-After} beyond {@code max-retry-after} ends the call as
 * transient with the wait attached, for the caller's retry topic. Any 4xx other than 408/429, and a
 * 200 body that a {@link com.crossdock.platform.vendor.BodyFailureClassifier} calls permanent, fail at
 * once with the vendor's answer so that the caller can dead-letter it.
 */
package com.crossdock.platform.vendor;
