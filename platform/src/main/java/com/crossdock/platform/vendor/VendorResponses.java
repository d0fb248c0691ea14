package com.crossdock.platform.vendor;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.core.codec.CodecException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.ClientResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Turns one vendor {@link ClientResponse} into a value or a {@link VendorCallException}: a non-2xx
 * answer fails with the vendor's status, body and selected headers; a 2xx body that says failure
 * fails as its {@link BodyFailureClassifier} decides.
 */
final class VendorResponses {

    /** Read a little past the exception's limit, so that it can tell the body was cut. */
    private static final int MAX_ERROR_BODY_BYTES = VendorCallException.MAX_BODY_CHARS * 4 + 1;

    private final String vendor;
    private final Clock clock;

    VendorResponses(String vendor, Clock clock) {
        this.vendor = vendor;
        this.clock = clock;
    }

    /**
     * @param decoder reads a 2xx answer (the body, or an entity with headers)
     * @param judge   finds a failure stated in what the decoder read
     */
    <R> Mono<R> read(String operation, ClientResponse response, Function<ClientResponse, Mono<R>> decoder,
            Function<? super R, Optional<BodyFailure>> judge) {
        // the bulkhead's slot is given back once the body's last byte is in, before it is decoded and judged
        return Mono.deferContextual(context -> readAnswer(operation, VendorBulkhead.releasedOnceRead(context, response),
                decoder, judge));
    }

    private <R> Mono<R> readAnswer(String operation, ClientResponse response, Function<ClientResponse, Mono<R>> decoder,
            Function<? super R, Optional<BodyFailure>> judge) {
        int status = response.statusCode().value();
        if (!response.statusCode().is2xxSuccessful()) {
            return errorBody(response).flatMap(body -> Mono.error(VendorCallException.ofStatus(vendor, operation,
                    status, body, selectedHeaders(response.headers().asHttpHeaders()), retryAfter(response))));
        }
        // what follows the decoding (the judge, and the caller's own work on the answer) runs off the connection's
        // event loop: the slot given back above may have sent the next request on this connection, whose write waits
        // on this loop until the task that read this answer ends (issue 10: ~2 ms per request behind a bare client)
        return decoder.apply(response)
                .publishOn(Schedulers.parallel())
                .onErrorMap(CodecException.class, undecodable -> VendorCallException.ofStatus(vendor, operation,
                        status, "undecodable answer: " + SecretRedactor.redact(String.valueOf(undecodable.getMessage()),
                        response.request()), Map.of(), null))
                .flatMap(read -> judge.apply(read)
                        .map(failure -> Mono.<R>error(VendorCallException.ofBodyFailure(vendor, operation, status,
                                redacted(failure, response), selectedHeaders(response.headers().asHttpHeaders()))))
                        .orElseGet(() -> Mono.just(read)));
    }

    private Mono<String> errorBody(ClientResponse response) {
        Charset charset = response.headers().contentType().map(MediaType::getCharset)
                .orElse(StandardCharsets.UTF_8);
        return DataBufferUtils.join(DataBufferUtils.takeUntilByteCount(
                        response.body(BodyExtractors.toDataBuffers()), MAX_ERROR_BODY_BYTES))
                .map(buffer -> {
                    String text = buffer.toString(charset);
                    DataBufferUtils.release(buffer);
                    return text;
                })
                .defaultIfEmpty("")
                .map(text -> SecretRedactor.redact(text, response.request()));
    }

    private static BodyFailure redacted(BodyFailure failure, ClientResponse response) {
        return new BodyFailure(failure.transientFailure(),
                SecretRedactor.redact(failure.detail(), response.request()), failure.retryAfter());
    }

    private Duration retryAfter(ClientResponse response) {
        return RetryAfter.parse(response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER), clock)
                .orElse(null);
    }

    /**
     * Headers worth keeping with a failure: what the body is, when to come back, the vendor's quota
     * (BusMarket {@code X-RateLimit-*}) and its request id for a support ticket. Never cookies or auth.
     */
    static Map<String, String> selectedHeaders(HttpHeaders headers) {
        Map<String, String> selected = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            boolean wanted = lower.equals("content-type") || lower.equals("retry-after")
                    || lower.startsWith("x-ratelimit") || lower.startsWith("ratelimit")
                    || lower.equals("x-request-id") || lower.equals("x-correlation-id");
            if (wanted && !values.isEmpty()) {
                selected.put(name, values.get(0));
            }
        });
        return selected;
    }
}
