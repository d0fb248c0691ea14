package com.crossdock.ingress.webhook;

import java.net.URI;
import java.util.Map;
import java.util.Set;

import com.crossdock.platform.web.CorrelationIdFilter;
import com.crossdock.platform.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code POST /webhooks/<provider>}, one path per {@link WebhookProvider} bean. Answers 200
 * {@code {"status":"accepted","uuid":...}} only once the raw delivery is acknowledged by Kafka (acks=all) or
 * fsync'd in the spool, and 200 {@code {"status":"duplicate",...}} for a delivery id already stored; 200 rather
 * than 202 because the delivery is durably stored by then, which is all a provider that never retries (Prodsmart)
 * needs to know. The body is read as raw bytes (no codec), so the authentication is checked over exactly what was
 * sent. Another method on the path is answered 405 with {@code Allow: POST}.
 * <p>
 * A functional endpoint rather than an annotated controller: per webhook, no handler-method resolution, argument
 * resolvers or data binder (issue 15's profile). A refusal is rendered here as the platform's problem+json, with the
 * {@code instance} the annotated handlers give it ({@code ProblemDetailsHandler} does not reach a handler function).
 */
final class WebhookEndpoint {

    private static final String PATH = "/webhooks/{provider}";

    private final Map<String, WebhookIntake> intakes;

    private WebhookEndpoint(WebhookIntakes intakes) {
        this.intakes = intakes.byProvider();
    }

    static RouterFunction<ServerResponse> routes(WebhookIntakes intakes) {
        WebhookEndpoint endpoint = new WebhookEndpoint(intakes);
        return RouterFunctions.route(RequestPredicates.POST(PATH), endpoint::receive)
                .andRoute(RequestPredicates.path(PATH), WebhookEndpoint::methodNotAllowed);
    }

    private Mono<ServerResponse> receive(ServerRequest request) {
        WebhookIntake intake = intakes.get(request.pathVariable("provider"));
        Mono<WebhookIntake.Answer> answer = intake == null
                ? Mono.error(Problems.problem(HttpStatus.NOT_FOUND, "webhook-unknown-provider",
                        "no webhook provider is configured at this path", null))
                : intake.receive(request.exchange().getRequest(), CorrelationIdFilter.of(request.exchange()));
        return answer.flatMap(body -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body))
                .onErrorResume(ErrorResponseException.class, refused -> problem(refused, request));
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
