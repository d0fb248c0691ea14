package com.crossdock.ingress;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;

import com.crossdock.platform.spool.DurableSpool;
import com.crossdock.testing.TestSchemaRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, point 3: an ingress (re)started while the broker is unreachable (a rollout, an OOM kill, a node drain
 * during an outage) is ready at once and takes webhooks into its spool: readiness depends on the spool, not on Kafka
 * or on the dedupe memory's rebuild from Kafka.
 */
class StartDuringKafkaOutageTest {

    private static final String SECRET = "outage-start-secret";

    @Test
    void anIngressStartedWhileKafkaIsUnreachableIsReadyAndSpoolsWebhooks() throws IOException {
        // command-line arguments: they win over the system properties the JVM's shared test broker sets
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(IngressApplication.class)
                .run("--spring.config.name=" + IngressApplication.CONFIG_NAME,
                        "--server.port=0", "--management.server.port=0",
                        "--spring.kafka.bootstrap-servers=127.0.0.1:" + closedPort(),
                        "--spring.kafka.properties.schema.registry.url=" + TestSchemaRegistry.url(),
                        // the topic declarations give up soon instead of holding the start for 30 s
                        "--spring.kafka.admin.operation-timeout=2s",
                        "--spring.kafka.admin.close-timeout=1s",
                        "--crossdock.ingress.prodsmart.webhook-secret=" + SECRET,
                        "--crossdock.ingress.kafka-ack-timeout=1s",
                        "--crossdock.spool.directory=" + Files.createTempDirectory("ingress-start-outage-spool"))
                ) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            WebTestClient web = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                    .responseTimeout(Duration.ofSeconds(20)).build();

            int managementPort = context.getEnvironment().getRequiredProperty("local.management.port", Integer.class);
            WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build()
                    .get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP")
                    .jsonPath("$.components.spool.status").isEqualTo("UP");
            assertThat(context.getBean("dedupeMemoryHealthIndicator", HealthIndicator.class).health().getDetails())
                    .as("ready although the dedupe memory could not be rebuilt").containsEntry("rebuilt", false);

            new Webhooks(web, SECRET).post("productionOrder/create",
                            "{\"id\": 1, \"code\": \"during-outage\", \"products\": []}".getBytes(), Webhooks.newUuid())
                    .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("accepted");
            assertThat(context.getBean(DurableSpool.class).depth()).as("kept in the spool").isEqualTo(1);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
