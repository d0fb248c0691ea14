package com.crossdock.suppliers;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.yaml.snakeyaml.Yaml;

/** The committed OpenAPI document lists every route the controllers have and every answer they give. */
class OpenApiDocumentTest extends GatewayTestSupport {

    @Test
    void theServedDocumentListsEveryRouteOfTheControllers() {
        Map<String, Object> document = served();
        Set<String> documented = new TreeSet<>();
        paths(document).forEach((path, operations) -> operations.keySet()
                .forEach(method -> documented.add(method.toUpperCase() + " " + path)));
        Set<String> routes = new TreeSet<>();
        Stream.of(GatewayController.class, OpenApiController.class).flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
                .forEach(method -> routes.addAll(routes(method)));
        assertThat(documented).isEqualTo(routes);
    }

    @Test
    void everyAnswerTheControllersGiveIsDocumented() {
        Map<String, Object> document = served();
        answer(document, HttpMethod.GET, "/quotes", "/quotes?article=OC90&qty=1", null, null, 200);
        answer(document, HttpMethod.GET, "/quotes", "/quotes", null, null, 400);
        answer(document, HttpMethod.GET, "/availability", "/availability?article=OC90", null, null, 200);
        answer(document, HttpMethod.GET, "/availability", "/availability", null, null, 400);
        String order = "{\"supplier\":\"elit\",\"lines\":[{\"article\":\"GDB1330\",\"quantity\":1}]}";
        String key = "openapi-" + java.util.UUID.randomUUID();
        answer(document, HttpMethod.POST, "/orders", "/orders", key, order, 201);
        answer(document, HttpMethod.POST, "/orders", "/orders", null, order, 400);
        answer(document, HttpMethod.POST, "/orders", "/orders", key, order.replace("elit", "nobody"), 404);
        answer(document, HttpMethod.POST, "/orders", "/orders", key, order.replace("1}", "2}"), 422);
        answer(document, HttpMethod.GET, "/suppliers", "/suppliers", null, null, 200);
        answer(document, HttpMethod.GET, "/suppliers/{name}/invoices", "/suppliers/omega/invoices?from=2026-01-01",
                null, null, 200);
        answer(document, HttpMethod.GET, "/suppliers/{name}/invoices", "/suppliers/omega/invoices?from=01.01.2026",
                null, null, 400);
        answer(document, HttpMethod.GET, "/suppliers/{name}/invoices", "/suppliers/nobody/invoices?from=2026-01-01",
                null, null, 404);
        answer(document, HttpMethod.GET, "/suppliers/{name}/invoices", "/suppliers/elit/invoices?from=2026-01-01",
                null, null, 422);
        answer(document, HttpMethod.GET, "/openapi.yaml", "/openapi.yaml", null, null, 200);
    }

    private void answer(Map<String, Object> document, HttpMethod method, String route, String uri, String key,
            String body, int status) {
        var request = web().method(method).uri(uri);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        var sent = body == null ? request : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        sent.exchange().expectStatus().isEqualTo(status);
        @SuppressWarnings("unchecked")
        Map<String, Object> operation = (Map<String, Object>) paths(document).get(route).get(method.name().toLowerCase());
        @SuppressWarnings("unchecked")
        Map<Object, Object> responses = (Map<Object, Object>) operation.get("responses");
        assertThat(responses).as("%s %s answers %d", method, route, status).containsKey(Integer.toString(status));
    }

    private Map<String, Object> served() {
        byte[] yaml = web().get().uri("/openapi.yaml").exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        return new Yaml().load(new String(yaml, java.nio.charset.StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> paths(Map<String, Object> document) {
        return (Map<String, Map<String, Object>>) document.get("paths");
    }

    private static Set<String> routes(Method method) {
        Set<String> routes = new TreeSet<>();
        GetMapping get = method.getAnnotation(GetMapping.class);
        if (get != null) {
            Arrays.stream(get.value()).forEach(path -> routes.add("GET " + path));
        }
        PostMapping post = method.getAnnotation(PostMapping.class);
        if (post != null) {
            Arrays.stream(post.value()).forEach(path -> routes.add("POST " + path));
        }
        return routes;
    }
}
