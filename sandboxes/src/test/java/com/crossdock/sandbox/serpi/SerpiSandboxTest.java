package com.crossdock.sandbox.serpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.crossdock.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/** The SERPI sandbox holds clients to serpi-articulos-api.es.txt, never more leniently. */
class SerpiSandboxTest extends SandboxTestSupport {

    private static final String ARTICULO = "/serpi/api/v1/Articulo";
    private static final String TOKEN = "Bearer serpi-demo-token";
    private static final String KEY = "serpi-demo-key";

    @LocalServerPort
    int port;

    @Test
    void checksBothHeaders() {
        client.get().uri(ARTICULO).header(HttpHeaders.AUTHORIZATION, TOKEN).exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.success").isEqualTo(false).jsonPath("$.code").isEqualTo(401);
        client.get().uri(ARTICULO).header("secretkey", KEY).header(HttpHeaders.AUTHORIZATION, "Bearer other")
                .exchange().expectStatus().isUnauthorized();
        client.get().uri(ARTICULO).header("secretkey", "someone-elses").header(HttpHeaders.AUTHORIZATION, TOKEN)
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo(403);
        client.get().uri(ARTICULO).header("secretkey", KEY).header(HttpHeaders.AUTHORIZATION, TOKEN)
                .exchange().expectStatus().isOk();
    }

    @Test
    void pagesAndAnswersNoRecordsAsCode204() {
        for (String code : List.of("1", "2", "3")) {
            client.put().uri("/serpi/_sandbox/articles/" + code).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("descripcion", "A" + code)).exchange().expectStatus().isOk();
        }
        get(ARTICULO + "?limite=2&pagina=1").expectBody().jsonPath("$.success").isEqualTo(true)
                .jsonPath("$.code").isEqualTo(200).jsonPath("$.result.length()").isEqualTo(2)
                .jsonPath("$.result[0].codigo").isEqualTo("1");
        get(ARTICULO + "?limite=2&pagina=2").expectBody().jsonPath("$.result.length()").isEqualTo(1)
                .jsonPath("$.result[0].codigo").isEqualTo("3");
        get(ARTICULO + "?limite=2&pagina=3").expectBody().jsonPath("$.success").isEqualTo(true)
                .jsonPath("$.code").isEqualTo(204).jsonPath("$.message").isEqualTo("No se encontraron registros");
        get(ARTICULO + "?codigo=2").expectBody().jsonPath("$.result.length()").isEqualTo(1);
        // "Codigo int", "Límite int", "Página int"
        get(ARTICULO + "?codigo=A-1").expectStatus().isBadRequest().expectBody().jsonPath("$.success").isEqualTo(false);
        get(ARTICULO + "?limite=0").expectStatus().isBadRequest();
        get(ARTICULO + "?fechamodificaini=ayer").expectStatus().isBadRequest();
        get("/serpi/api/v1/SaldoInventario").expectStatus().isBadRequest();
    }

    @Test
    void createValidatesRequiredFieldsPerArticle() {
        Map<String, Object> complete = Map.of("codigo", "10", "descripcion", "Completo", "idgrupocontable", 2,
                "idlinea", 1, "idcategoria", 2, "idpresentacion", 5, "idmarca", 1, "idunidadmedida", 3, "activo", true);
        Map<String, Object> missing = Map.of("codigo", "11", "descripcion", "Sin marca", "idgrupocontable", 2,
                "idlinea", 1, "idcategoria", 2, "idpresentacion", 5, "idunidadmedida", 3, "activo", true);
        client.post().uri(ARTICULO).header("secretkey", KEY).header(HttpHeaders.AUTHORIZATION, TOKEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(List.of(complete, missing))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.success").isEqualTo(true).jsonPath("$.code").isEqualTo(201)
                .jsonPath("$.message").isEqualTo("Se crearon 1 de 2 articulos")
                .jsonPath("$.errors[0].codigo").isEqualTo("11")
                .jsonPath("$.errors[0].mensaje").isEqualTo("el campo idmarca es requerido (int)");
        client.post().uri(ARTICULO).header("secretkey", KEY).header(HttpHeaders.AUTHORIZATION, TOKEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(List.of(complete))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.success").isEqualTo(false)
                .jsonPath("$.errors[0].mensaje").isEqualTo("el articulo con codigo 10 ya existe");
        client.put().uri(ARTICULO).header("secretkey", KEY).header(HttpHeaders.AUTHORIZATION, TOKEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(List.of(Map.of("id", 99, "codigo", "10")))
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].mensaje").isEqualTo("no existe un articulo con id 99");
    }

    /** "un mismo token no puede ser consumidos de manera simultanea": the second request is refused and counted. */
    @Test
    void refusesAndCountsASecondConcurrentRequestOnOneToken() {
        WebClient web = WebClient.create("http://localhost:" + port);
        List<Integer> statuses = new java.util.ArrayList<>();
        // four requests at once on the token; on a loaded machine a burst may arrive one by one (no overlap, no
        // refusal), so bursts are sent until one overlapped: every request of every burst is counted
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            statuses.addAll(Flux.range(0, 4).flatMap(i -> web.get().uri(ARTICULO).header("secretkey", KEY)
                            .header(HttpHeaders.AUTHORIZATION, TOKEN).exchangeToMono(answer ->
                                    answer.releaseBody().thenReturn(answer.statusCode().value())), 4)
                    .collectList().block(Duration.ofSeconds(20)));
            return statuses.contains(503);
        });

        assertThat(statuses).contains(200, 503).containsOnly(200, 503);
        long refused = statuses.stream().filter(status -> status == 503).count();
        client.get().uri("/serpi/_sandbox/state").exchange().expectBody()
                .jsonPath("$.concurrentRefused").isEqualTo((int) refused)
                .jsonPath("$.requestsServed").isEqualTo((int) (statuses.size() - refused));
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec get(String uri) {
        return client.get().uri(uri).header("secretkey", KEY).header(HttpHeaders.AUTHORIZATION, TOKEN).exchange();
    }
}
