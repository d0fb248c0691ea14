package com.crossdock.sandbox;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class NoopEndpointTest extends SandboxTestSupport {

    @Test
    void noopEndpointReadsTheBodyAndAnswers200WithoutLoggingIt() {
        client.post().uri("/_sandbox/noop").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"x\":1}")
                .exchange().expectStatus().isOk();

        client.get().uri("/_sandbox/received").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(0);
    }
}
