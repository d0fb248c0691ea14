package com.crossdock.sandbox.serpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.crossdock.sandbox.SandboxTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/** The SERPI sandbox holds clients to serpi-articulos-api.es.txt, never more leniently. */
class SerpiSandboxTest extends SandboxTestSupport {

    private static final String ARTICULO = "/serpi/api/v1/Articulo";
    private static final String TOKEN = "Bearer serpi-demo-token";
    private static final String KEY = "serpi-demo-key";
    /** How long a test holds a request's body or its answer's read: far above the pace and the timer's grain. */
    private static final Duration HOLD = Duration.ofMillis(300);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Object> COMPLETE = Map.of("codigo", "10", "descripcion", "Completo",
            "idgrupocontable", 2, "idlinea", 1, "idcategoria", 2, "idpresentacion", 5, "idmarca", 1, "idunidadmedida", 3,
            "activo", true);

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
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            statuses.addAll(Flux.range(0, 4).flatMap(i -> web.get().uri(ARTICULO).header("secretkey", KEY)
                            .header(HttpHeaders.AUTHORIZATION, TOKEN).exchangeToMono(answer ->
                                    answer.releaseBody().thenReturn(answer.statusCode().value())), 4)
                    .collectList().block(Duration.ofSeconds(20)));
            return statuses.contains(503);
        });

        assertThat(statuses).contains(200, 503).containsOnly(200, 503);
        long refused = statuses.stream().filter(status -> status == 503).count();
        // a request is served once its answer's last byte is written, which the client may see a moment before
        await().atMost(Duration.ofSeconds(30)).until(() -> number("requestsServed") == statuses.size() - refused);
        assertThat(number("concurrentRefused")).isEqualTo(refused);
    }

    /**
     * The token is taken on the request's arrival, before its body is read: a request on it while the first one's
     * body is still coming is concurrent, refused and counted; and the token's busy time covers the body's read.
     */
    @Test
    void refusesARequestArrivingWhileTheFirstsBodyIsReadAndCountsTheReadAsBusy() throws Exception {
        byte[] body = JSON.writeValueAsBytes(List.of(COMPLETE));
        int half = body.length / 2;
        List<Socket> posts = new ArrayList<>();
        posts.add(partialPost(body, half));
        List<Integer> gets = new ArrayList<>();
        AtomicLong refusedPosts = new AtomicLong();
        // the POST's headers and half its body are sent; GETs on the token until one is refused. Should a GET take
        // the token first (the POST's headers not handled yet) and the POST arrive meanwhile, the POST is refused:
        // it is counted, and another POST is started
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
            Socket post = posts.get(posts.size() - 1);
            if (post.getInputStream().available() > 0) {
                assertThat(statusLine(post)).contains(" 503 ");
                refusedPosts.incrementAndGet();
                post.close();
                posts.add(partialPost(body, half));
            }
            int status = get(ARTICULO + "?limite=1").returnResult(Void.class).getStatus().value();
            gets.add(status);
            return status == 503;
        });
        long refusedGets = gets.stream().filter(status -> status == 503).count();
        assertThat(refusedGets).isEqualTo(1);

        // the body's read goes on for HOLD after the refusal, so after the request's arrival
        hold(HOLD);
        Socket post = posts.get(posts.size() - 1);
        post.getOutputStream().write(body, half, body.length - half);
        post.getOutputStream().flush();
        String answer = new String(post.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        post.close();
        assertThat(answer).startsWith("HTTP/1.1 200 ").contains("\"code\":201");

        await().atMost(Duration.ofSeconds(30)).until(() -> number("requestsServed") == gets.size() - refusedGets + 1);
        assertThat(number("concurrentRefused")).isEqualTo(refusedGets + refusedPosts.get());
        assertThat(number("receivingMillis")).isGreaterThanOrEqualTo(HOLD.toMillis());
        assertThat(number("tokenBusyMillis")).isGreaterThanOrEqualTo(HOLD.toMillis() + number("paceMillis"))
                .isGreaterThanOrEqualTo(number("pacedMillis") + HOLD.toMillis());
    }

    /** The token's busy time covers the answer's write, to its last byte: an answer the client reads slowly. */
    @Test
    void countsTheTokenBusyUntilTheAnswersLastByteIsWritten() throws Exception {
        // 64 articles of 200 kB: a 12.8 MB answer, far more than the sockets' buffers (4 MB at most) hold
        String large = "x".repeat(200_000);
        for (int i = 0; i < 64; i++) {
            client.put().uri("/serpi/_sandbox/articles/" + i).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("descripcion", large)).exchange().expectStatus().isOk();
        }
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(8192);
            socket.setSoTimeout(30_000);
            socket.connect(new InetSocketAddress("localhost", port));
            socket.getOutputStream().write(("GET " + ARTICULO + "?limite=64 HTTP/1.1\r\nHost: localhost\r\n"
                    + "secretkey: " + KEY + "\r\nAuthorization: " + TOKEN + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // the answer's first byte: it is built and on its way; the client reads nothing more for HOLD
            assertThat(socket.getInputStream().read()).isEqualTo('H');
            hold(HOLD);
            assertThat(number("requestsServed")).isZero();
            assertThat(socket.getInputStream().readAllBytes().length).isGreaterThan(64 * 200_000);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> number("requestsServed") == 1);
        assertThat(number("sendingMillis")).isGreaterThanOrEqualTo(HOLD.toMillis());
        assertThat(number("tokenBusyMillis")).isGreaterThanOrEqualTo(HOLD.toMillis() + number("paceMillis"))
                .isGreaterThanOrEqualTo(number("pacedMillis") + HOLD.toMillis());
        assertThat(number("concurrentRefused")).isZero();
    }

    /** A POST of {@code body} on a socket of its own: its headers and the first {@code sent} bytes of its body. */
    private Socket partialPost(byte[] body, int sent) throws Exception {
        Socket socket = new Socket("localhost", port);
        socket.setSoTimeout(30_000);
        socket.getOutputStream().write(("POST " + ARTICULO + " HTTP/1.1\r\nHost: localhost\r\n"
                + "secretkey: " + KEY + "\r\nAuthorization: " + TOKEN + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().write(body, 0, sent);
        socket.getOutputStream().flush();
        return socket;
    }

    private static String statusLine(Socket socket) throws Exception {
        StringBuilder line = new StringBuilder();
        for (int c = socket.getInputStream().read(); c != -1 && c != '\n'; c = socket.getInputStream().read()) {
            line.append((char) c);
        }
        return line.toString();
    }

    private long number(String field) {
        Map<?, ?> state = client.get().uri("/serpi/_sandbox/state").exchange().expectBody(Map.class)
                .returnResult().getResponseBody();
        return ((Number) state.get(field)).longValue();
    }

    private static void hold(Duration time) {
        await().pollDelay(time).atMost(time.plusSeconds(1)).until(() -> true);
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec get(String uri) {
        return client.get().uri(uri).header("secretkey", KEY).header(HttpHeaders.AUTHORIZATION, TOKEN).exchange();
    }
}
