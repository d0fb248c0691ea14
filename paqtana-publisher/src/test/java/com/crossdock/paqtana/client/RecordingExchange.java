package com.crossdock.paqtana.client;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.crossdock.platform.vendor.VendorPolicies;
import com.crossdock.platform.vendor.VendorsProperties;
import com.crossdock.platform.vendor.client.VendorClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
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
import tools.jackson.databind.json.JsonMapper;

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

    /** A client on this exchange, built by the vendor kit from settings like the publisher's, with a fast policy. */
    public WebClientPaqtanaClient client(long maxRequestBytes) {
        Map<String, String> settings = Map.of(
                "crossdock.vendors.paqtana.base-url", "http://paqtana.test/paqtana",
                "crossdock.vendors.paqtana.auth.style", "bearer",
                "crossdock.vendors.paqtana.auth.token", "secret-token",
                "crossdock.vendors.paqtana.timeout", "5s",
                "crossdock.vendors.paqtana.retry.initial-interval", "10ms",
                "crossdock.vendors.paqtana.retry.max-interval", "50ms",
                "crossdock.vendors.paqtana.retry.jitter", "0");
        VendorsProperties properties = new Binder(new MapConfigurationPropertySource(settings))
                .bind("crossdock", VendorsProperties.class).get();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        VendorClients clients = new VendorClients(new VendorPolicies(properties, meters),
                WebClient.builder().exchangeFunction(this), JsonMapper.builder().build(), meters, Clock.systemUTC());
        return new WebClientPaqtanaClient(clients.client("paqtana"), "demo", maxRequestBytes);
    }
}
