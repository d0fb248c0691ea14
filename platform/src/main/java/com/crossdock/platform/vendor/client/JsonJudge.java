package com.crossdock.platform.vendor.client;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

import com.crossdock.platform.vendor.BodyFailure;
import com.crossdock.platform.vendor.BodyFailureClassifier;
import com.crossdock.platform.vendor.VendorPolicy;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Reads the answers of a client that has a {@link BodyFailureClassifier} attached: the 2xx body is read once as
 * JSON, judged by the classifier, then converted to the type the call asked for. A body that is not JSON fails
 * the call as undecodable, like any answer that cannot be read.
 */
final class JsonJudge {

    private record Judged<T>(JsonNode tree, T value) {
    }

    private final JsonMapper json;
    private final BodyFailureClassifier<JsonNode> classifier;

    JsonJudge(JsonMapper json, BodyFailureClassifier<JsonNode> classifier) {
        this.json = json;
        this.classifier = classifier;
    }

    <T> Mono<T> exchange(VendorPolicy policy, String operation, WebClient.RequestHeadersSpec<?> request, Type type) {
        return policy.exchangeWith(operation, request,
                        response -> response.bodyToMono(byte[].class).defaultIfEmpty(new byte[0])
                                .map(bytes -> this.<T>judged(bytes, type)),
                        this::judge)
                .flatMap(judged -> Mono.justOrEmpty(judged.value()));
    }

    <T> Mono<ResponseEntity<T>> exchangeForEntity(VendorPolicy policy, String operation,
            WebClient.RequestHeadersSpec<?> request, Class<T> type) {
        Function<ClientResponse, Mono<Judged<ResponseEntity<T>>>> decoder = response -> response.toEntity(byte[].class)
                .map(entity -> {
                    Judged<T> body = judged(entity.hasBody() ? entity.getBody() : new byte[0], type);
                    return new Judged<>(body.tree(), new ResponseEntity<>(body.value(), entity.getHeaders(),
                            entity.getStatusCode()));
                });
        return policy.exchangeWith(operation, request, decoder, this::judge).map(Judged::value);
    }

    private Optional<BodyFailure> judge(Judged<?> judged) {
        return classifier.classify(judged.tree());
    }

    @SuppressWarnings("unchecked")
    private <T> Judged<T> judged(byte[] bytes, Type type) {
        try {
            JsonNode tree = bytes.length == 0 ? MissingNode.getInstance() : json.readTree(bytes);
            Object value;
            if (type == byte[].class) {
                value = bytes;
            } else if (type == JsonAnswer.class) {
                value = new JsonAnswer(bytes, tree);
            } else if (type == String.class) {
                value = new String(bytes, StandardCharsets.UTF_8);
            } else if (type == JsonNode.class) {
                value = tree;
            } else if (tree.isMissingNode()) {
                value = null;
            } else {
                JavaType javaType = json.getTypeFactory().constructType(type);
                value = json.treeToValue(tree, javaType);
            }
            return new Judged<>(tree, (T) value);
        } catch (JacksonException unreadable) {
            throw new DecodingException("the answer is not the JSON expected: " + unreadable.getOriginalMessage(),
                    unreadable);
        }
    }
}
