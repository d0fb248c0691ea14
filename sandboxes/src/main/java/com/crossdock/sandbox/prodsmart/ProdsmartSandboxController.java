package com.crossdock.sandbox.prodsmart;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /prodsmart/_sandbox/webhooks/send}: for demos, signs a webhook like Prodsmart and posts it
 * to the ingress; answers with the status the target returned and what was sent.
 */
@RestController
class ProdsmartSandboxController {

    private final ProdsmartWebhookSender sender;
    private final ProdsmartSandboxProperties properties;
    private final JsonMapper jsonMapper;

    ProdsmartSandboxController(ProdsmartWebhookSender sender, ProdsmartSandboxProperties properties,
                               JsonMapper jsonMapper) {
        this.sender = sender;
        this.properties = properties;
        this.jsonMapper = jsonMapper;
    }

    /**
     * @param topic  the {@code x-prodsmart-topic} to send
     * @param body   the JSON body; when absent, the document's example for the topic
     * @param target where to post; when absent, {@code sandboxes.prodsmart.webhook-target}
     */
    record SendRequest(String topic, JsonNode body, URI target) {
    }

    @PostMapping("/prodsmart/_sandbox/webhooks/send")
    Mono<ResponseEntity<WebhookDelivery>> send(@RequestBody SendRequest request) {
        if (request.topic() == null || request.topic().isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "topic is required, e.g. productionOrder/create");
        }
        byte[] body = bodyOf(request);
        URI target = request.target() == null ? properties.webhookTarget() : request.target();
        return sender.send(target, request.topic(), body)
                .map(delivery -> ResponseEntity.status(delivery.status()).body(delivery))
                .onErrorMap(WebClientRequestException.class, e -> new ResponseStatusException(
                        HttpStatus.BAD_GATEWAY, "webhook target " + target + " unreachable: " + e.getMessage()));
    }

    private byte[] bodyOf(SendRequest request) {
        if (request.body() != null && !request.body().isNull()) {
            return jsonMapper.writeValueAsBytes(request.body());
        }
        return ProdsmartExamples.forTopic(request.topic())
                .map(ProdsmartExamples.Example::body)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
                        "no body given and the document has no example for topic " + request.topic()));
    }
}
