package com.crossdock.paqtana.client;

import java.util.function.Function;

import com.crossdock.platform.vendor.client.VendorClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ReactiveHttpOutputMessage;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * {@link PaqtanaClient} on the platform's vendor client {@code crossdock.vendors.paqtana}: every call through its
 * policy, with its token in {@code Authorization: Bearer <token>} (auth style {@code bearer};
 * paqtana-integration-api.es.txt, Paso 6); the organisation code in the path (Paso 4). Bodies are streamed with
 * their Content-Length, so Paqtana can refuse an oversized one before reading it; this client refuses it first.
 */
public final class WebClientPaqtanaClient implements PaqtanaClient {

    static final String MASTER_INVENTORY = "master_inventory";
    static final String HISTORICAL_DEMAND = "historical_demand";

    private final VendorClient client;
    private final String organisation;
    private final long maxRequestBytes;

    public WebClientPaqtanaClient(VendorClient client, String organisation, long maxRequestBytes) {
        this.client = client;
        this.organisation = organisation;
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    public Mono<Void> putMasterInventory(JsonPayload payload) {
        return send(MASTER_INVENTORY, payload, web -> web.put()
                .uri("/v2/org/{org}/master_inventory", organisation));
    }

    @Override
    public Mono<Void> postHistoricalDemand(JsonPayload payload, boolean autoCalculate) {
        // "incluye siempre auto_calculate=True ... (query string)" on the last request of a run (Paso 6)
        Function<WebClient, WebClient.RequestBodySpec> request = web -> autoCalculate
                ? web.post().uri("/v2/org/{org}/historical_demand?auto_calculate=True", organisation)
                : web.post().uri("/v2/org/{org}/historical_demand", organisation);
        return send(HISTORICAL_DEMAND, payload, request);
    }

    private Mono<Void> send(String operation, JsonPayload payload, Function<WebClient, WebClient.RequestBodySpec> request) {
        if (payload.sizeBytes() > maxRequestBytes) {
            return Mono.error(new PayloadTooLargeException(operation, payload.sizeBytes(), maxRequestBytes));
        }
        BodyInserter<JsonPayload, ReactiveHttpOutputMessage> body = streamed(payload);
        return client.exchange(operation, web -> request.apply(web)
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_LENGTH, Long.toString(payload.sizeBytes()))
                .body(body), String.class).then();
    }

    /** Writes the payload afresh on every attempt, so a retried call streams the same bytes again. */
    private static BodyInserter<JsonPayload, ReactiveHttpOutputMessage> streamed(JsonPayload payload) {
        return (message, context) -> message.writeWith(payload.content(message.bufferFactory()));
    }
}
