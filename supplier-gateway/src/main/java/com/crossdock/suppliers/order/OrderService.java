package com.crossdock.suppliers.order;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.crossdock.events.OrderPlaced;
import com.crossdock.platform.events.CanonicalEvent;
import com.crossdock.platform.events.EventPublisher;
import com.crossdock.platform.vendor.VendorCallException;
import com.crossdock.platform.vendor.VendorCallOutcome;
import com.crossdock.platform.web.Problems;
import com.crossdock.suppliers.GatewayProperties;
import com.crossdock.suppliers.client.SupplierClient;
import com.crossdock.vendor.suppliers.OrderLine;
import com.crossdock.vendor.suppliers.PlacedOrder;
import com.crossdock.vendor.suppliers.SupplierEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Places an order with a supplier once per {@code Idempotency-Key}: the supplier's order (sent once, never repeated
 * once it may have reached the supplier: the kit's destructive policy), then the {@code OrderPlaced} PURCHASE, then the
 * key's outcome in Kafka. A repeat of a settled key is answered as the first time; concurrent repeats of a key in flight
 * wait for the first and get its answer; a key whose order may or may not have reached the supplier is answered 409
 * until a human checks, never ordered again. An order provably never sent (breaker open, no bulkhead slot) forgets its
 * key, so the same key may try again.
 */
public final class OrderService {

    private static final Logger log = LoggerFactory.getLogger(OrderService.class);

    /** An answer: the HTTP status, its body, and whether it repeats an earlier one. */
    public record Answer(int status, Map<String, Object> body, boolean replayed) {
    }

    private final OrderKeys keys;
    private final SupplierEvents events;
    private final EventPublisher publisher;
    private final GatewayProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final Map<String, InFlight> inFlight = new ConcurrentHashMap<>();

    private record InFlight(String fingerprint, Mono<Answer> answer) {
    }

    public OrderService(OrderKeys keys, SupplierEvents events, EventPublisher publisher, GatewayProperties properties,
            JsonMapper json, Clock clock) {
        this.keys = keys;
        this.events = events;
        this.publisher = publisher;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /** {@code client} is the supplier asked for, which has the operation (the controller checked). */
    public Mono<Answer> place(String key, OrderRequest request, SupplierClient client, String correlationId) {
        String fingerprint = fingerprint(request);
        return keys.ready().then(Mono.defer(() -> {
            boolean[] first = {false};
            InFlight flight = inFlight.computeIfAbsent(key, absent -> {
                first[0] = true;
                return new InFlight(fingerprint, known(key, fingerprint)
                        .orElseGet(() -> order(key, fingerprint, request, client, correlationId))
                        .doFinally(signal -> inFlight.remove(key))
                        .cache());
            });
            if (!flight.fingerprint().equals(fingerprint)) {
                return Mono.error(reused(key));
            }
            // a concurrent repeat waits for the first request and is answered with its outcome
            return first[0] ? flight.answer()
                    : flight.answer().map(answer -> new Answer(answer.status(), answer.body(), true));
        }));
    }

    /** The same key with another request is a client's mistake, never a silent replay of the other order. */
    private static RuntimeException reused(String key) {
        return Problems.problem(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                "Idempotency-Key " + key + " was used for another order request", "Idempotency-Key");
    }

    private java.util.Optional<Mono<Answer>> known(String key, String fingerprint) {
        return keys.outcome(key).map(outcome -> {
            if (!outcome.fingerprint().equals(fingerprint)) {
                return Mono.<Answer>error(reused(key));
            }
            if (outcome.settled()) {
                return Mono.just(new Answer(outcome.status(), outcome.answer(), true));
            }
            return Mono.error(Problems.problem(HttpStatus.CONFLICT, "order-outcome-unknown",
                    "the order of Idempotency-Key " + key + " may have reached the supplier (" + outcome.state()
                            + "); it is not sent again: check the supplier's cabinet", "Idempotency-Key"));
        });
    }

    private Mono<Answer> order(String key, String fingerprint, OrderRequest request, SupplierClient client,
            String correlationId) {
        List<OrderLine> lines = request.lines().stream()
                .map(line -> new OrderLine(line.article(), line.quantity(), line.unitPrice())).toList();
        // the key is pending in Kafka before the supplier is called: a crash in between leaves it "may have been sent"
        return keys.record(key, new KeyOutcome(KeyOutcome.PENDING, fingerprint, 0, Map.of()))
                .then(client.order(lines, request.reference() == null ? key : request.reference()))
                .flatMap(placed -> published(client.name(), placed, lines, request, correlationId))
                .flatMap(body -> keys.record(key, new KeyOutcome(KeyOutcome.PLACED, fingerprint, 201, body)))
                .map(outcome -> new Answer(outcome.status(), outcome.answer(), false))
                .onErrorResume(VendorCallException.class, failure -> failed(key, fingerprint, client.name(), failure));
    }

    private Mono<Map<String, Object>> published(String supplier, PlacedOrder placed, List<OrderLine> lines,
            OrderRequest request, String correlationId) {
        CanonicalEvent event = events.orderPlaced(supplier, placed, lines, request.currency(),
                properties.receivingLocation(), correlationId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("supplier", supplier);
        body.put("orderId", event.key());
        body.put("supplierOrderId", placed.orderId());
        body.put("placedAt", placed.placedAt().toString());
        body.put("eventId", ((OrderPlaced) event.event()).getEnvelope().getEventId().toString());
        body.put("recordedAt", clock.instant().toString());
        return publisher.publish(event).thenReturn(body);
    }

    private Mono<Answer> failed(String key, String fingerprint, String supplier, VendorCallException failure) {
        if (failure.outcome() == VendorCallOutcome.CLIENT_ERROR) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", "https://crossdock.dev/problems/supplier-refused-order");
            body.put("title", "Unprocessable Entity");
            body.put("status", 422);
            body.put("detail", supplier + " refused the order: HTTP " + failure.status() + " " + failure.responseBody());
            body.put("supplier", supplier);
            return keys.record(key, new KeyOutcome(KeyOutcome.REFUSED, fingerprint, 422, body))
                    .map(outcome -> new Answer(422, body, false));
        }
        if (failure.mayHaveBeenServed()) {
            log.warn("The order of Idempotency-Key {} to {} may have reached the supplier: {}", key, supplier,
                    failure.getMessage());
            return keys.record(key, new KeyOutcome(KeyOutcome.UNKNOWN, fingerprint, 0, Map.of()))
                    .then(Mono.error(Problems.problem(HttpStatus.BAD_GATEWAY, "order-outcome-unknown", supplier
                            + " did not answer the order in time; it may have taken it, so Idempotency-Key " + key
                            + " will not send it again: check the supplier's cabinet", "supplier")));
        }
        return keys.forget(key).then(Mono.error(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "supplier-unavailable",
                supplier + " was not asked (" + failure.outcome().tag() + "); nothing was ordered, the same "
                        + "Idempotency-Key may be sent again", "supplier")));
    }

    private String fingerprint(OrderRequest request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
