package com.crossdock.ingress.webhook;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.crossdock.platform.web.CorrelationIdFilter;
import com.crossdock.platform.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.CollectionUtils;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /webhooks/<provider>}, one path per {@link WebhookProvider} bean. Answers 200
 * {@code {"status":"accepted","uuid":...}} only once the raw delivery is acknowledged by Kafka (acks=all) or
 * fsync'd in the spool, and 200 {@code {"status":"duplicate",...}} for a delivery id already stored; 200 rather
 * than 202 because the delivery is durably stored by then, which is all a provider that never retries (Prodsmart)
 * needs to know. The body is read as raw bytes (no codec), so the authentication is checked over exactly what was
 * sent. Another method on the path is answered 405 with {@code Allow: POST}. At most {@link UploadSlots
 * max-concurrent-uploads} bodies are read at once; one more is answered 503 before its body is read.
 * <p>
 * A functional endpoint rather than an annotated controller: per webhook, no handler-method resolution, argument
 * resolvers or data binder (issue 15's profile). A refusal is rendered here as the platform's problem+json, with the
 * {@code instance} the annotated handlers give it ({@code ProblemDetailsHandler} does not reach a handler function).
 */
final class WebhookEndpoint {

    private static final String PATH = "/webhooks/{provider}";

    private final Map<String, WebhookIntake> intakes;
    private final UploadSlots uploads;
    private final JsonMapper json;

    private WebhookEndpoint(WebhookIntakes intakes, UploadSlots uploads, JsonMapper json) {
        this.intakes = intakes.byProvider();
        this.uploads = uploads;
        this.json = json;
    }

    static RouterFunction<ServerResponse> routes(WebhookIntakes intakes, UploadSlots uploads, JsonMapper json) {
        WebhookEndpoint endpoint = new WebhookEndpoint(intakes, uploads, json);
        return RouterFunctions.route(RequestPredicates.POST(PATH), endpoint::receive)
                .andRoute(RequestPredicates.path(PATH), WebhookEndpoint::methodNotAllowed);
    }

    private Mono<ServerResponse> receive(ServerRequest request) {
        WebhookIntake intake = intakes.get(request.pathVariable("provider"));
        Mono<WebhookIntake.Answer> answer;
        if (intake == null) {
            answer = Mono.error(Problems.problem(HttpStatus.NOT_FOUND, "webhook-unknown-provider",
                    "no webhook provider is configured at this path", null));
        } else {
            // the handler runs when its answer is subscribed, so the intake's body read, which gives the slot back
            // at its end, is subscribed right after the slot is taken
            try {
                answer = intake.receive(request.exchange().getRequest(), CorrelationIdFilter.of(request.exchange()),
                        uploads.take());
            } catch (ErrorResponseException full) {
                answer = Mono.error(full);
            }
        }
        return answer.<ServerResponse>map(body -> new Answered(json.writeValueAsBytes(body)))
                .onErrorResume(ErrorResponseException.class, refused -> problem(refused, request));
    }

    /**
     * A 200 answer, its JSON written straight to the response: no response builder, header copy or encoder lookup per
     * webhook (issue 15's allocation profile: they were a tenth of a webhook's garbage).
     */
    private record Answered(byte[] json) implements ServerResponse {

        private static final HttpHeaders HEADERS = HttpHeaders.readOnlyHttpHeaders(
                CollectionUtils.toMultiValueMap(Map.of(HttpHeaders.CONTENT_TYPE, List.of(MediaType.APPLICATION_JSON_VALUE))));
        private static final MultiValueMap<String, ResponseCookie> NO_COOKIES =
                CollectionUtils.unmodifiableMultiValueMap(new LinkedMultiValueMap<>());

        @Override
        public HttpStatusCode statusCode() {
            return HttpStatus.OK;
        }

        @Override
        public HttpHeaders headers() {
            return HEADERS;
        }

        @Override
        public MultiValueMap<String, ResponseCookie> cookies() {
            return NO_COOKIES;
        }

        @Override
        public Mono<Void> writeTo(ServerWebExchange exchange, Context context) {
            ServerHttpResponse response = exchange.getResponse();
            response.setStatusCode(HttpStatus.OK);
            response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
            response.getHeaders().setContentLength(json.length);
            return response.writeWith(Mono.just(response.bufferFactory().wrap(json)));
        }
    }

    private static Mono<ServerResponse> methodNotAllowed(ServerRequest request) {
        // what the annotated handlers answer: Spring's own problem, with Allow
        return problem(new MethodNotAllowedException(request.method(), Set.of(HttpMethod.POST)), request);
    }

    private static Mono<ServerResponse> problem(ErrorResponseException refused, ServerRequest request) {
        ProblemDetail body = refused.getBody();
        if (body.getInstance() == null) {
            body.setInstance(URI.create(request.requestPath().value()));
        }
        HttpHeaders headers = refused.getHeaders();
        return ServerResponse.status(refused.getStatusCode()).headers(each -> each.addAll(headers))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).bodyValue(body);
    }
}
