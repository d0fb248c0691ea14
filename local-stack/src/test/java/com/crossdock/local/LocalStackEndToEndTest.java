package com.crossdock.local;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;


import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The local stack as a newcomer runs it: start, post a signed webhook, see the row at Paqtana, stop; start it again
 * on the same data directory (as the README invites), post another, and Paqtana holds both rows. The stack starts
 * twice, so this one test covers the single run too.
 */
class LocalStackEndToEndTest {

    private static final Logger log = LoggerFactory.getLogger(LocalStackEndToEndTest.class);
    private static final String STOCK_SUBJECT = "crossdock.stock-changed.v1-value";

    private final LocalHttp http = new LocalHttp();

    @Test
    void signedWebhooksBecomePaqtanaRowsAndSurviveARestartOfTheStack(@TempDir Path data) throws Exception {
        long begin = System.nanoTime();
        String before = "E2E-" + UUID.randomUUID().toString().substring(0, 8);
        String after = "E2E-" + UUID.randomUUID().toString().substring(0, 8);
        String ingress;
        String ingressActuator;
        String schemaBefore;
        ListAppender<ILoggingEvent> stopping = new ListAppender<>();
        try (LocalStack stack = LocalStack.start(LocalStackSettings.ephemeral(data))) {
            ingress = stack.ingressUrl();
            ingressActuator = stack.managementUrl("ingress-webhooks");
            assertThat(stack.describe()).contains(stack.ingressUrl(), stack.sandboxUrl(), stack.registryUrl(),
                    stack.kafkaBootstrapServers(), ingressActuator);
            // actuator has its own port: the public one does not serve it
            assertThat(get(ingress + "/actuator/health").statusCode()).isEqualTo(404);
            postAndSeeAtPaqtana(stack, before);
            assertThat(get(stack.registryUrl() + "/subjects").body()).contains(STOCK_SUBJECT);
            schemaBefore = get(stack.registryUrl() + "/subjects/" + STOCK_SUBJECT + "/versions/latest").body();
            stopping.start();
            root().addAppender(stopping);
        }
        root().detachAppender(stopping);
        // a clean stop: no service's last calls fail because another one's stop took shared resources away (each has
        // its own Reactor Netty event loops and pools); the stack's last line proves the capture saw the whole stop
        assertThat(stopping.list).extracting(ILoggingEvent::getFormattedMessage).contains("Crossdock local stack stopped");
        assertThat(stopping.list).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.ERROR))
                .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
        assertThatThrownBy(() -> get(ingressActuator + "/actuator/health")).isInstanceOf(ConnectException.class);
        long firstRun = System.nanoTime();

        try (LocalStack stack = LocalStack.start(LocalStackSettings.ephemeral(data))) {
            // the registry read its schemas back from the broker: same id, same version for what the topics hold
            assertThat(get(stack.registryUrl() + "/subjects/" + STOCK_SUBJECT + "/versions/latest").body())
                    .isEqualTo(schemaBefore);
            postAndSeeAtPaqtana(stack, after);
            // the publisher's view was rebuilt from the topics: the row of the first run is still at Paqtana
            assertThat(paqtanaRows(stack)).contains("\"" + before + "\"", "\"" + after + "\"");
            assertThat(get(stack.registryUrl() + "/subjects/" + STOCK_SUBJECT + "/versions/latest").body())
                    .isEqualTo(schemaBefore);
        }
        log.info("Local stack restart test: first run {} ms, second run {} ms",
                (firstRun - begin) / 1_000_000, (System.nanoTime() - firstRun) / 1_000_000);
    }

    private static ch.qos.logback.classic.Logger root() {
        return (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    }

    private void postAndSeeAtPaqtana(LocalStack stack, String product) throws Exception {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(get(stack.managementUrl("ingress-webhooks") + "/actuator/health/readiness").statusCode()).isEqualTo(200));
        HttpResponse<String> answer = postSignedMovement(stack.ingressUrl(), product);
        assertThat(answer.statusCode()).isBetween(200, 202);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(paqtanaRows(stack)).contains("\"" + product + "\""));
    }

    private String paqtanaRows(LocalStack stack) throws IOException, InterruptedException {
        HttpResponse<String> held = get(stack.sandboxUrl() + "/paqtana/_sandbox/orgs/demo/master_inventory");
        assertThat(held.statusCode()).isEqualTo(200);
        return held.body();
    }

    private HttpResponse<String> postSignedMovement(String ingress, String product) throws Exception {
        return http.postSignedWebhook(ingress, "receiving_inventory_movement_created", """
                [{"product":{"id":222,"code":"%s","uom":"un"},"lot":{"code":"lot-1"},
                  "date":"2026-11-24T10:00:00Z","quantity":10.0,"stock-type":"in","comment":"e2e",
                  "warehouse-location":{"id":333,"code":"A-01","warehouse":{"id":444,"code":"main"}},
                  "receiving":{"id":666,"code":"R-1"},"worker":{"id":1,"number":0,"name":"w"}}]""".formatted(product));
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.get(url);
    }
}
