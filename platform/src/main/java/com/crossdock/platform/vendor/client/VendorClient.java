package com.crossdock.platform.vendor.client;

import java.util.Objects;
import java.util.function.Function;

import com.crossdock.platform.vendor.BodyFailureClassifier;
import com.crossdock.platform.vendor.VendorCallException;
import com.crossdock.platform.vendor.VendorPolicy;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client of one vendor credential, built by {@link VendorClients}: a WebClient on the vendor's base URL
 * that authenticates every request, and the credential's {@link VendorPolicy}, through which every call goes.
 * A call names its operation (a constant: it tags the metrics) and builds its request from the WebClient;
 * the request is sent again, as built, on each retry. An exchanged token is taken before the call, and a 401
 * to it renews it and repeats the call once: a refused call was not served, so repeating it loses nothing.
 */
public final class VendorClient {

    /** The request attribute that carries the credential of a call to the authentication filter. */
    static final String CREDENTIAL = VendorClient.class.getName() + ".credential";

    private final String name;
    private final WebClient webClient;
    private final VendorPolicy policy;
    private final Credentials credentials;
    private final JsonMapper json;
    private final JsonJudge judge;

    VendorClient(String name, WebClient webClient, VendorPolicy policy, Credentials credentials, JsonMapper json,
            JsonJudge judge) {
        this.name = name;
        this.webClient = webClient;
        this.policy = policy;
        this.credentials = credentials;
        this.json = json;
        this.judge = judge;
    }

    public String name() {
        return name;
    }

    public VendorPolicy policy() {
        return policy;
    }

    /**
     * The same client, whose calls go through the budget share {@code crossdock.vendors.<name>.shares.<share>}
     * (see {@link VendorPolicy#share(String)}); it shares this client's token.
     */
    public VendorClient share(String share) {
        return new VendorClient(name, webClient, policy.share(share), credentials, json, judge);
    }

    /**
     * The same client for destructive calls (see {@link VendorPolicy#destructive()}): a call that may have been
     * served is not repeated, and fails with {@link VendorCallException#mayHaveBeenServed()} true.
     */
    public VendorClient destructive() {
        return new VendorClient(name, webClient, policy.destructive(), credentials, json, judge);
    }

    /**
     * The same client, and every 2xx answer it reads is judged by {@code classifier} first: a vendor that
     * answers HTTP 200 with a failure in the body (SERPI {@code success:false}, BaseLinker {@code status:ERROR},
     * Omega {@code Success:false}) fails the call as the classifier says.
     */
    public VendorClient judgedBy(BodyFailureClassifier<JsonNode> classifier) {
        return new VendorClient(name, webClient, policy, credentials, json,
                new JsonJudge(json, Objects.requireNonNull(classifier, "classifier")));
    }

    /**
     * Sends the request {@code request} builds, and decodes a 2xx answer as {@code type} ({@link JsonAnswer}: the
     * body as received and as read, read once).
     */
    public <T> Mono<T> exchange(String operation, Function<WebClient, WebClient.RequestHeadersSpec<?>> request,
            Class<T> type) {
        JsonJudge reader = judge != null || type != JsonAnswer.class ? judge
                : new JsonJudge(json, BodyFailureClassifier.none());
        return authenticated(request, spec -> reader == null ? policy.exchange(operation, spec, type)
                : reader.exchange(policy, operation, spec, type));
    }

    /** As {@link #exchange(String, Function, Class)}, for a generic type. */
    public <T> Mono<T> exchange(String operation, Function<WebClient, WebClient.RequestHeadersSpec<?>> request,
            ParameterizedTypeReference<T> type) {
        return authenticated(request, spec -> judge == null
                ? policy.exchange(operation, spec, type, BodyFailureClassifier.none())
                : judge.exchange(policy, operation, spec, type.getType()));
    }

    /** As {@link #exchange(String, Function, Class)}, keeping the answer's status and headers. */
    public <T> Mono<ResponseEntity<T>> exchangeForEntity(String operation,
            Function<WebClient, WebClient.RequestHeadersSpec<?>> request, Class<T> type) {
        return authenticated(request, spec -> judge == null
                ? policy.exchangeForEntity(operation, spec, type, BodyFailureClassifier.none())
                : judge.exchangeForEntity(policy, operation, spec, type));
    }

    /**
     * A method call in the form BaseLinker's {@code connector.php} takes: {@code POST} to the base URL, form
     * fields {@code method} and {@code parameters} (a JSON string of {@code parameters}). The method is the
     * operation of the metrics.
     */
    public <T> Mono<T> callMethod(String method, Object parameters, Class<T> type) {
        return Mono.defer(() -> {
            MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("method", method);
            form.add("parameters", json.writeValueAsString(parameters));
            return exchange(method, web -> web.post().uri(uri -> uri.build())
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(BodyInserters.fromFormData(form)), type);
        });
    }

    private <R> Mono<R> authenticated(Function<WebClient, WebClient.RequestHeadersSpec<?>> request,
            Function<WebClient.RequestHeadersSpec<?>, Mono<R>> send) {
        Function<String, Mono<R>> call = credential ->
                send.apply(request.apply(webClient).attribute(CREDENTIAL, credential));
        return credentials.current().flatMap(credential -> call.apply(credential)
                .onErrorResume(failure -> unauthorized(failure) && credentials.rejected(credential)
                        ? credentials.current().flatMap(call) : Mono.error(failure)));
    }

    private static boolean unauthorized(Throwable failure) {
        return failure instanceof VendorCallException vendor && vendor.status() == HttpStatus.UNAUTHORIZED.value();
    }
}
