package com.crossdock.sandbox.paqtana;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every Paqtana call passes before its rows are looked at, in this order: the Bearer token
 * ("Authorization: Bearer &lt;token&gt;", Paso 6; checked by the kit's gate, {@link PaqtanaSandbox#paqtanaAuth}), the
 * organisation in the path, the 32 MB limit, then JSON.
 *
 * <p>The body is read as raw buffers with the limit applied while counting, so WebFlux's codec limit
 * never rejects a large (legal) payload first, and an oversized one is refused without being held.
 */
@Component
class PaqtanaRequestGate {

    private final PaqtanaProperties properties;
    private final ObjectReader reader;

    PaqtanaRequestGate(PaqtanaProperties properties, JsonMapper jsonMapper) {
        this.properties = properties;
        // quantities and costs keep their decimal digits exactly as sent
        this.reader = jsonMapper.reader()
                .with(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);
    }

    PaqtanaProperties.Org org(String org, String operation) {
        PaqtanaProperties.Org known = properties.orgs().get(org);
        if (known == null) {
            throw new PaqtanaException(HttpStatus.NOT_FOUND, operation, "organization not found: " + org, null, null);
        }
        return known;
    }

    Mono<JsonNode> body(ServerHttpRequest request, String operation) {
        int max = properties.maxRequestBytesAsInt();
        if (request.getHeaders().getContentLength() > max) {
            return Mono.error(tooLarge(operation, max));
        }
        // drains an oversized body instead of cancelling it midway: cancelling a Reactor Netty request
        // body mid-stream double-releases buffers (reactor/reactor-netty#3683)
        return request.getBody()
                .reduce(new BoundedBody(max), BoundedBody::append)
                .defaultIfEmpty(new BoundedBody(max))
                .map(body -> {
                    if (body.overflowed()) {
                        throw tooLarge(operation, max);
                    }
                    return parse(body.bytes(), operation);
                });
    }

    private JsonNode parse(byte[] bytes, String operation) {
        if (bytes.length == 0) {
            throw PaqtanaException.invalid(operation, "data", null, "request body is empty; expected {\"data\":[...]}");
        }
        try {
            return reader.readTree(bytes);
        } catch (JacksonException e) {
            throw PaqtanaException.invalid(operation, null, null, "request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static PaqtanaException tooLarge(String operation, int max) {
        return new PaqtanaException(HttpStatus.PAYLOAD_TOO_LARGE, operation,
                "payload exceeds the maximum size of " + max + " bytes; send it in smaller segments", null, null);
    }
}
