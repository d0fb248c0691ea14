package com.crossdock.platform.vendor.client;

import static com.crossdock.testkit.Timeouts.BLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;

import com.crossdock.platform.vendor.VendorCallException;
import com.crossdock.testkit.FakeVendor;
import com.crossdock.testkit.FakeVendor.Reply;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each fixed auth style, as a real HTTP server receives it. */
class VendorClientAuthTest {

    private final FakeVendor vendor = new FakeVendor();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @AfterEach
    void stopVendor() {
        vendor.close();
    }

    @Test
    void sendsABearerTokenToTheConfiguredBaseUrl() {
        get(client("acme.auth.style=bearer", "acme.auth.token=paqtana-token-1"), "/v2/org/demo/workspaces");

        FakeVendor.Received request = vendor.received().get(0);
        assertThat(request.path()).isEqualTo("/v2/org/demo/workspaces");
        assertThat(request.header("Authorization")).isEqualTo("Bearer paqtana-token-1");
    }

    @Test
    void sendsBasicCredentials() {
        get(client("acme.auth.style=basic", "acme.auth.key=elit-user", "acme.auth.secret=pass:word"), "/price");

        assertThat(vendor.received().get(0).header("Authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("elit-user:pass:word".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void sendsSeveralNamedHeadersAsSerpiWantsThem() {
        get(client("acme.auth.style=headers", "acme.auth.headers.secretkey.value=serpi-key-9",
                "acme.auth.headers.authorization.scheme=Bearer", "acme.auth.headers.authorization.value=serpi-tok"),
                "/Articulo?limite=50&pagina=1");

        FakeVendor.Received request = vendor.received().get(0);
        assertThat(request.header("secretkey")).isEqualTo("serpi-key-9");
        assertThat(request.header("Authorization")).isEqualTo("Bearer serpi-tok");
        assertThat(request.uri()).isEqualTo("/Articulo?limite=50&pagina=1");
    }

    @Test
    void namesAHeaderOtherwiseThanItsEntry() {
        get(client("acme.auth.style=headers", "acme.auth.headers.token.name=X-BLToken",
                "acme.auth.headers.token.value=bl-1"), "/connector.php");

        assertThat(vendor.received().get(0).header("X-BLToken")).isEqualTo("bl-1");
        assertThat(vendor.received().get(0).header("token")).isNull();
    }

    @Test
    void addsAQueryTokenToTheQueryTheCallHasEncoded() {
        get(client("acme.auth.style=query", "acme.auth.parameter=api_key", "acme.auth.token=a+b/c="),
                "/stock?code=P 1");

        assertThat(vendor.received().get(0).uri()).isEqualTo("/stock?code=P%201&api_key=a%2Bb%2Fc%3D");
    }

    @Test
    void sendsNoCredentialWithoutAnAuthStyle() {
        get(client(), "/thing");

        assertThat(vendor.received().get(0).header("Authorization")).isNull();
    }

    @Test
    void doesNotRepeatACallWhoseFixedCredentialWasRefused() {
        vendor.replies(Reply.of(401, "bad token"));
        VendorClient client = client("acme.auth.style=bearer", "acme.auth.token=revoked");

        assertThatExceptionOfType(VendorCallException.class).isThrownBy(() -> get(client, "/thing"))
                .satisfies(failure -> assertThat(failure.status()).isEqualTo(401));
        assertThat(vendor.requests()).isEqualTo(1);
    }

    @Test
    void refusesToBuildAClientWhoseStyleMissesItsCredentialNamingTheVariable() {
        assertThatThrownBy(() -> client("acme.auth.style=bearer")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("crossdock.vendors.acme.auth.token")
                .hasMessageContaining("CROSSDOCK_VENDORS_ACME_AUTH_TOKEN");
        assertThatThrownBy(() -> client("acme.auth.style=headers", "acme.auth.headers.secretkey.name=secretkey"))
                .hasMessageContaining("CROSSDOCK_VENDORS_ACME_AUTH_HEADERS_SECRETKEY_VALUE");
    }

    private VendorClient client(String... entries) {
        return TestClients.clients(vendor, meters, Clock.systemUTC(), entries).client("acme");
    }

    private static String get(VendorClient client, String uri) {
        return client.exchange("getThing", web -> web.get().uri(uri), String.class).block(BLOCK);
    }
}
