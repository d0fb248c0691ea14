package com.crossdock.sandbox.optimakers;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Optimakers fake's control, each change followed by the webhook Optimakers sends for it (to
 * {@code sandboxes.optimakers.webhook-target}, or {@code ?target=}), answering with the target's status and what
 * was sent: {@code POST /optimakers/_sandbox/orders/{id}/fulfil} marks the order "Zrealizowane: Tak" and sends
 * {@code order.updated}; {@code POST /optimakers/_sandbox/products} creates or updates a product
 * ({@code product.created}/{@code .updated}); {@code DELETE /optimakers/_sandbox/products/{id}} sends
 * {@code product.deleted}; {@code POST /optimakers/_sandbox/webhooks/send} sends any event, with {@code token} to
 * send a wrong one.
 */
@RestController
class OptimakersSandboxController {

    private final OptimakersInstance instance;
    private final OptimakersWebhookSender sender;
    private final OptimakersSandboxProperties properties;

    OptimakersSandboxController(OptimakersInstance instance, OptimakersWebhookSender sender,
            OptimakersSandboxProperties properties) {
        this.instance = instance;
        this.sender = sender;
        this.properties = properties;
    }

    @PostMapping("/optimakers/_sandbox/orders/{id}/fulfil")
    Mono<ResponseEntity<Map<String, Object>>> fulfil(@PathVariable long id, @RequestParam(required = false) URI target) {
        if (!instance.realize(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no order " + id);
        }
        return send(target, "order.updated", List.of(id), null);
    }

    /** The orders carrying external reference {@code externalId}, as Optimakers holds them (no API key needed). */
    @GetMapping("/optimakers/_sandbox/orders")
    List<ObjectNode> orders(@RequestParam String externalId) {
        return instance.ordersByExternalId(externalId);
    }

    /** Fulfils the order carrying {@code externalId} (its BaseLinker reference) and sends {@code order.updated}. */
    @PostMapping("/optimakers/_sandbox/orders/fulfil")
    Mono<ResponseEntity<Map<String, Object>>> fulfilByReference(@RequestParam String externalId,
            @RequestParam(required = false) URI target) {
        List<Long> ids = instance.ordersByExternalId(externalId).stream().map(order -> order.path("id").asLong()).toList();
        if (ids.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no order with externalId " + externalId);
        }
        ids.forEach(instance::realize);
        return send(target, "order.updated", ids, null);
    }

    @PostMapping("/optimakers/_sandbox/products")
    Mono<ResponseEntity<Map<String, Object>>> product(@RequestBody ObjectNode product,
            @RequestParam(required = false) URI target) {
        if (product.path("code").asString("").isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "code is required");
        }
        boolean known = instance.knowsProductCode(product.path("code").asString());
        ObjectNode stored = instance.upsertProduct(product);
        return send(target, known ? "product.updated" : "product.created", List.of(stored.path("id").asLong()), null);
    }

    @DeleteMapping("/optimakers/_sandbox/products/{id}")
    Mono<ResponseEntity<Map<String, Object>>> deleteProduct(@PathVariable long id,
            @RequestParam(required = false) URI target) {
        if (!instance.deleteProduct(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no product " + id);
        }
        return send(target, "product.deleted", List.of(id), null);
    }

    /**
     * @param eventSource what to send
     * @param ids         the ids it names
     * @param token       the token to send instead of {@code sandboxes.optimakers.webhook-token} (a wrong one)
     * @param target      where to post
     */
    record SendRequest(String eventSource, List<Long> ids, String token, URI target) {
    }

    @PostMapping("/optimakers/_sandbox/webhooks/send")
    Mono<ResponseEntity<Map<String, Object>>> send(@RequestBody SendRequest request) {
        if (request.eventSource() == null || request.ids() == null || request.ids().isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "eventSource and ids are required");
        }
        return send(request.target(), request.eventSource(), request.ids(), request.token());
    }

    private Mono<ResponseEntity<Map<String, Object>>> send(URI target, String eventSource, List<Long> ids, String token) {
        URI to = target == null ? properties.webhookTarget() : target;
        return sender.send(to, eventSource, ids, token == null ? properties.webhookToken() : token)
                .map(delivery -> ResponseEntity.ok(delivery))
                .onErrorMap(WebClientRequestException.class, e -> new ResponseStatusException(
                        HttpStatus.BAD_GATEWAY, "webhook target " + to + " unreachable: " + e.getMessage()));
    }
}
