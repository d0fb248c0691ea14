package com.crossdock.sandbox;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every sandbox test runs against the one running app (same configuration = one cached context), loaded
 * the way the local launcher loads it ({@code spring.config.name=sandboxes}). The Paqtana limit is 1 MiB
 * here so that the 413 test needs no 32 MB body, while still above WebFlux's 256 KB codec default.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=sandboxes",
        "sandboxes.paqtana.max-request-bytes=" + SandboxTestSupport.TEST_MAX_REQUEST_BYTES})
@AutoConfigureWebTestClient
public abstract class SandboxTestSupport {

    protected static final int TEST_MAX_REQUEST_BYTES = 1_048_576;
    protected static final String PAQTANA_TOKEN = "paqtana-demo-token";

    @Autowired
    protected WebTestClient client;

    @BeforeEach
    void resetSandbox() {
        client.delete().uri("/_sandbox").exchange().expectStatus().isNoContent();
    }
}
