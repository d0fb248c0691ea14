package com.crossdock.platform.vendor;

import static com.crossdock.testkit.Timeouts.BLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.crossdock.testkit.FakeVendor;
import com.crossdock.testkit.FakeVendor.Reply;
import com.crossdock.testkit.TestPolicies;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

class SecretRedactionTest {

    private final FakeVendor vendor = new FakeVendor();
    private final WebClient client = WebClient.create(vendor.baseUrl());
    private final VendorPolicy policy = Policies.of(new SimpleMeterRegistry(), TestPolicies.FAST)
            .forVendor("acme");

    @AfterEach
    void stopVendor() {
        vendor.close();
    }

    @Test
    void keepsRequestSecretsOutOfAnEchoedErrorBody() {
        vendor.replies(Reply.of(401, "{\"echo\":\"serpi-secret-123 / Bearer tok-abcdef / qtok-9876\"}"));

        assertThatExceptionOfType(VendorCallException.class)
                .isThrownBy(() -> policy.exchange("getArticles", client.get()
                        .uri("/Articulo?pagina=1&access_token=qtok-9876")
                        .header("secretkey", "serpi-secret-123")
                        .header("Authorization", "Bearer tok-abcdef"), String.class).block(BLOCK))
                .satisfies(failure -> {
                    assertThat(failure.status()).isEqualTo(401);
                    assertThat(failure.responseBody()).doesNotContain("serpi-secret-123", "tok-abcdef", "qtok-9876")
                            .contains(SecretRedactor.MASK);
                    assertThat(failure.getMessage()).doesNotContain("serpi-secret-123", "tok-abcdef", "qtok-9876");
                });
    }

    @Test
    void keepsRequestSecretsOutOfABodyFailureDetail() {
        vendor.replies(Reply.of(200, "\"token bl-token-42 blocked\""));
        BodyFailureClassifier<String> alwaysFails = body -> Optional.of(BodyFailure.permanent(body));

        assertThatExceptionOfType(VendorCallException.class)
                .isThrownBy(() -> policy.exchange("getOrders", client.post().uri("/connector.php")
                        .header("X-BLToken", "bl-token-42"), String.class, alwaysFails).block(BLOCK))
                .satisfies(failure -> assertThat(failure.responseBody()).doesNotContain("bl-token-42")
                        .contains(SecretRedactor.MASK));
    }

    @Test
    void cutsAHugeErrorBody() {
        vendor.replies(Reply.of(400, "x".repeat(100_000)));

        assertThatExceptionOfType(VendorCallException.class)
                .isThrownBy(() -> policy.exchange("getThing", client.get().uri("/thing"), String.class).block(BLOCK))
                .satisfies(failure -> assertThat(failure.responseBody())
                        .hasSizeLessThanOrEqualTo(VendorCallException.MAX_BODY_CHARS + "...[truncated]".length())
                        .endsWith("...[truncated]"));
    }
}
