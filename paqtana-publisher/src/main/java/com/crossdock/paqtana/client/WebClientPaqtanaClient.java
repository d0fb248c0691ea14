package com.crossdock.paqtana.client;

import com.crossdock.platform.vendor.VendorPolicy;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ReactiveHttpOutputMessage;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * {@link PaqtanaClient} over WebClient, every call through the {@code paqtana} vendor policy. The token goes in
 * {@code Authorization: Bearer <token>} on every request (paqtana-integration-api.es.txt, Paso 6); the
 * organisation code in the path (Paso 4). Bodies are streamed with their Content-Length, so Paqtana can refuse
 * an oversized one before reading it; this client refuses it first.
 */
public final class WebClientPaqtanaClient implements PaqtanaClient {

    static final String MASTER_INVENTORY = "master_inventory";
    static final String HISTORICAL_DEMAND = "historical_demand";

    private final WebClient webClient;
    private final VendorPolicy policy;
    private final String organisation;
    private final long maxRequestBytes;

    /** {@code webClient} carries the base URL and the Authorization header. */
    public WebClientPaqtanaClient(WebClient webClient, VendorPolicy policy, String organisation, long maxRequestBytes) {
        this.webClient = webClient;
        this.policy = policy;
        this.organisation = organisation;
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    public Mono<Void> putMasterInventory(JsonPayload payload) {
        return send(MASTER_INVENTORY, payload, webClient.put()
                .uri("/v2/org/{org}/master_inventory", organisation));
    }

    @Override
    public Mono<Void> postHistoricalDemand(JsonPayload payload, boolean autoCalculate) {
        // "incluye siempre auto_calculate=True ... (query string)" on the last request of a run (Paso 6)
        WebClient.RequestBodySpec request = autoCalculate
                ? webClient.post().uri("/v2/org/{org}/historical_demand?auto_calculate=True", organisation)
                : webClient.post().uri("/v2/org/{org}/historical_demand", organisation);
        return send(HISTORICAL_DEMAND, payload, request);
    }

    private Mono<Void> send(String operation, JsonPayload payload, WebClient.RequestBodySpec request) {
        if (payload.sizeBytes() > maxRequestBytes) {
            return Mono.error(new PayloadTooLargeException(operation, payload.sizeBytes(), maxRequestBytes));
        }
        BodyInserter<JsonPayload, ReactiveHttpOutputMessage> body = streamed(payload);
        WebClient.RequestHeadersSpec<?> spec = request
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_LENGTH, Long.toString(payload.sizeBytes()))
                .body(body);
        return policy.exchange(operation, spec, String.class).then();
    }

    /** Writes the payload afresh on every attempt, so a retried call streams the same bytes again. */
    private static BodyInserter<JsonPayload, ReactiveHttpOutputMessage> streamed(JsonPayload payload) {
        return (message, context) -> message.writeWith(payload.content(message.bufferFactory()));
    }
}
