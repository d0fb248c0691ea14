package com.crossdock.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.crossdock.testkit.Timeouts;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 13, point 8: N slow clients each starting a 1 MiB upload and then trickling (or stalling) must not hold N MiB
 * nor the ingress: past {@code max-concurrent-uploads} (8 here) an upload is answered 503 with {@code Retry-After}
 * before its body is read, and a request that has not arrived whole within {@code request-timeout} (15 s here) is
 * answered 408, never a 2xx; then the ingress takes webhooks again.
 */
class SlowUploadsTest extends IngressIntegrationTest {

    private static final int SLOW_CLIENTS = 16;
    private static final int ONE_MIB = 1 << 20;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    @Test
    void slowOneMebibyteUploadsAreBoundedAnsweredAndCutOff() throws IOException {
        awaitReady();
        double refusedBefore = refused();
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                slow.add(startSlowUpload());
            }
            // at most the bound is being read, whatever the number of slow clients
            await().atMost(Timeouts.PATIENCE).untilAsserted(() -> {
                assertThat(inFlight()).isEqualTo(MAX_CONCURRENT_UPLOADS);
                assertThat(refused() - refusedBefore).isEqualTo(SLOW_CLIENTS - MAX_CONCURRENT_UPLOADS);
            });
            // a webhook arriving now is refused at once, with when to retry, before its body is read
            webhooks.post("productionOrder/create", "{\"id\": 1}".getBytes(StandardCharsets.UTF_8), Webhooks.newUuid())
                    .expectStatus().isEqualTo(503)
                    .expectHeader().valueEquals("Retry-After", "5")
                    .expectHeader().contentType("application/problem+json");

            // the ones being read are cut off once request-timeout passes, never answered 2xx
            List<String> answers = new ArrayList<>();
            for (Socket socket : slow) {
                answers.add(answerUntilClosed(socket));
            }
            assertThat(answers).filteredOn(answer -> answer.startsWith("HTTP/1.1 503"))
                    .hasSize(SLOW_CLIENTS - MAX_CONCURRENT_UPLOADS)
                    .allSatisfy(answer -> assertThat(answer).containsIgnoringCase("retry-after: 5"));
            assertThat(answers).noneMatch(answer -> answer.startsWith("HTTP/1.1 2"))
                    .filteredOn(answer -> !answer.startsWith("HTTP/1.1 503"))
                    .hasSize(MAX_CONCURRENT_UPLOADS)
                    .allSatisfy(answer -> assertThat(answer).startsWith("HTTP/1.1 408")
                            .contains("application/problem+json", "webhook-request-timeout"));
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
        await().atMost(Timeouts.PATIENCE).untilAsserted(() -> assertThat(inFlight()).isZero());
        webhooks.post("productionOrder/create", "{\"id\": 2, \"code\": \"after-slow\", \"products\": []}"
                .getBytes(StandardCharsets.UTF_8), Webhooks.newUuid()).expectStatus().isOk();
    }

    /** Headers announcing a 1 MiB JSON body, then its first KiB, and nothing more. */
    private Socket startSlowUpload() throws IOException {
        Socket socket = new Socket("localhost", port);
        // longer than request-timeout: the server, not this client, ends a held upload
        socket.setSoTimeout((int) Timeouts.PATIENCE.toMillis());
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + Webhooks.PATH + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + ONE_MIB + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] start = new byte[1024];
        start[0] = '{';
        out.write(start);
        out.flush();
        return socket;
    }

    /** What the server sent on the connection until it closed it ("" when it closed without an answer). */
    private static String answerUntilClosed(Socket socket) throws IOException {
        StringBuilder answer = new StringBuilder();
        try (InputStream in = socket.getInputStream()) {
            byte[] buffer = new byte[4096];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                answer.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
                if (answer.toString().startsWith("HTTP/1.1 ") && answer.indexOf("}") >= 0) {
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server neither answered nor closed a slow upload within " + Timeouts.PATIENCE, e);
        } catch (java.net.SocketException e) {
            // a reset is the server closing it too
        }
        return answer.toString();
    }

    private double inFlight() {
        return meters.get("crossdock.ingress.uploads.in_flight").gauge().value();
    }

    private double refused() {
        return meters.get("crossdock.ingress.uploads.refused").counter().count();
    }
}
