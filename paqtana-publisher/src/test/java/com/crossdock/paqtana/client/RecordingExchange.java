package com.crossdock.paqtana.client;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.crossdock.platform.vendor.VendorPolicies;
import com.crossdock.platform.vendor.VendorPoliciesProperties;
import com.crossdock.platform.vendor.VendorPolicyProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.client.reactive.MockClientHttpRequest;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.ExchangeStrategies;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/** A fake Paqtana behind WebClient: records every request with the body as written, answers as scripted. */
public final class RecordingExchange implements ExchangeFunction {

    /** One request as it went on the wire. */
    public record Sent(HttpMethod method, URI url, HttpHeaders headers, String body) {
    }

    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final Deque<HttpStatus> answers = new ArrayDeque<>();

    /** Answers the next requests with these statuses, then 200. */
    public synchronized RecordingExchange answering(HttpStatus... statuses) {
        answers.addAll(List.of(statuses));
        return this;
    }

    public List<Sent> sent() {
        return sent;
    }

    @Override
    public Mono<ClientResponse> exchange(ClientRequest request) {
        MockClientHttpRequest wire = new MockClientHttpRequest(request.method(), request.url());
        return request.writeTo(wire, ExchangeStrategies.withDefaults())
                .then(Mono.defer(wire::getBodyAsString).defaultIfEmpty(""))
                .map(body -> {
                    sent.add(new Sent(request.method(), request.url(), HttpHeaders.copyOf(wire.getHeaders()), body));
                    HttpStatus status = next();
                    return ClientResponse.create(status)
                            .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                            .body(status.is2xxSuccessful() ? "{\"operation_type\":\"ok\"}"
                                    : "{\"operation_type\":\"historical_demand\",\"operation_info\":{\"validation_error\":\"bad row\"}}")
                            .build();
                });
    }

    private synchronized HttpStatus next() {
        return answers.isEmpty() ? HttpStatus.OK : answers.poll();
    }

    /** A client on this exchange with a fast policy (3 attempts, 10 ms backoff). */
    public WebClientPaqtanaClient client(long maxRequestBytes) {
        WebClient webClient = WebClient.builder().exchangeFunction(this).baseUrl("http://paqtana.test/paqtana")
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer secret-token").build();
        VendorPolicyProperties fast = new VendorPolicyProperties(Duration.ofSeconds(5), 3, Duration.ofMillis(10), 2.0,
                Duration.ofMillis(50), 0.0, null, null, null, null, null, null, null);
        VendorPolicies policies = new VendorPolicies(new VendorPoliciesProperties(Map.of("paqtana", fast)),
                new SimpleMeterRegistry());
        return new WebClientPaqtanaClient(webClient, policies.forVendor("paqtana"), "demo", maxRequestBytes);
    }
}
