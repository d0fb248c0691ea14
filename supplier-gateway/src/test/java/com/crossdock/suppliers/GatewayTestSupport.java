package com.crossdock.suppliers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;

import com.crossdock.testing.CrossdockKafkaTest;
import com.crossdock.testkit.SandboxServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway against the six supplier sandboxes over real HTTP and the shared in-process broker: one Spring context
 * for every test class of the module (the same configuration here, nothing else). Deadline 1.5 s, each supplier's
 * attempt 1 s, breakers that open after 10 calls at 50 % and half-open after 2 s.
 */
@CrossdockKafkaTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = SupplierGatewayApplication.class,
        properties = {"spring.config.name=supplier-gateway",
                "crossdock.suppliers.deadline=1500ms",
                "crossdock.suppliers.receiving-location=WH-KYIV",
                "crossdock.suppliers.rates.EUR=45.10",
                "crossdock.suppliers.feed.idle-interval=1s",
                "crossdock.suppliers.lease.session-timeout=6s",
                "crossdock.suppliers.accounts.omega.key=omega-demo-key",
                // BusMarket's quota test counts every refusal its sandbox makes: an invoice poll racing the price
                // calls for the last slot would be counted too (invoices are tested on Omega)
                "crossdock.suppliers.accounts.busmarket.operations=price,availability,order",
                "crossdock.suppliers.accounts.vesna.customer-id=4711",
                "crossdock.vendors.suppliers-defaults.timeout=1s",
                "crossdock.vendors.suppliers-defaults.circuit-breaker.sliding-window-size=10",
                "crossdock.vendors.suppliers-defaults.circuit-breaker.minimum-number-of-calls=10",
                "crossdock.vendors.suppliers-defaults.circuit-breaker.wait-in-open-state=2s",
                "crossdock.vendors.elit.auth.key=elit-demo-login",
                "crossdock.vendors.elit.auth.secret=elit-demo-password",
                "crossdock.vendors.busmarket.auth.headers.authorization.value=busmarket-demo-key",
                "crossdock.vendors.uniquetrade.auth.key=unique-demo-login",
                "crossdock.vendors.uniquetrade.auth.secret=unique-demo-password",
                "crossdock.vendors.vesna.auth.headers.authorization.value=vesna-demo-token",
                "crossdock.vendors.intercars.auth.key=intercars-demo-client",
                "crossdock.vendors.intercars.auth.secret=intercars-demo-secret",
                "crossdock.spool.drain-interval=200ms"})
public abstract class GatewayTestSupport {

    /** BusMarket's quota raised: the tests ask far more often than a workshop (the quota's own test lowers it). */
    protected static final SandboxServer SANDBOX = SandboxServer.shared("--sandboxes.suppliers.busmarket.rate-limit=100000");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void suppliers(DynamicPropertyRegistry registry) throws IOException {
        registry.add("crossdock.vendors.omega.base-url", () -> SANDBOX.url("suppliers/omega/public/api/v1.0"));
        // each supplier at an address of its own, as in production (its own host): the HTTP client pools connections
        // per address (16 by default), and one pool shared by the six would let a slow supplier's calls hold every
        // connection while the others' wait for one. Omega stays on localhost, the address its allow-list knows.
        String[] suppliers = {"elit", "busmarket", "uniquetrade", "vesna", "intercars"};
        for (int i = 0; i < suppliers.length; i++) {
            String supplier = suppliers[i];
            String loopback = "127.0.0." + (i + 2);
            registry.add("crossdock.vendors." + supplier + ".base-url",
                    () -> SANDBOX.url("suppliers/" + supplier).replace("://localhost:", "://" + loopback + ":"));
        }
        // BusMarket's key was issued 350 days ago: 15 days left of its year
        registry.add("crossdock.suppliers.accounts.busmarket.key-issued-on",
                () -> LocalDate.now().minusDays(350).toString());
        registry.add("crossdock.spool.directory", Files.createTempDirectory("supplier-spool")::toString);
    }

    protected WebTestClient web() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    /** A control call to the sandboxes ({@code PUT}/{@code POST} with a JSON body); the answer's status. */
    protected static int sandbox(String method, String path, String json) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(SANDBOX.url() + path))
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A call to a supplier's sandbox as a client without the right credentials would make it. */
    protected static HttpResponse<String> raw(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
