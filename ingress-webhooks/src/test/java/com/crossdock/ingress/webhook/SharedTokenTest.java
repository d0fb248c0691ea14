package com.crossdock.ingress.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import com.crossdock.ingress.webhook.WebhookAuthentication.Outcome;
import com.crossdock.platform.config.Secret;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharedTokenTest {

    private static final Secret TOKEN = Secret.of("shared-token");

    private final SharedToken inBody = new SharedToken(TOKEN, RequestField.body("token"));
    private final SharedToken inHeader = new SharedToken(TOKEN, RequestField.header("X-Webhook-Token"));

    @Test
    void acceptsTheTokenInTheBodyOnlyWhenItIsTheSameToTheLastCharacter() {
        assertThat(body("{\"token\": \"shared-token\"}")).isEqualTo(Outcome.VERIFIED);
        assertThat(body("{\"token\": \"shared-token \"}")).isEqualTo(Outcome.INVALID);
        assertThat(body("{\"token\": \"shared-toke\"}")).isEqualTo(Outcome.INVALID);
        assertThat(body("{\"token\": \"SHARED-TOKEN\"}")).isEqualTo(Outcome.INVALID);
    }

    @Test
    void callsATokenMissingWhenTheBodyHasNoneOrCannotBeRead() {
        assertThat(body("{\"id\": 1}")).isEqualTo(Outcome.MISSING);
        assertThat(body("{\"token\": \"\"}")).isEqualTo(Outcome.MISSING);
        assertThat(body("{\"token\": [\"shared-token\"]}")).isEqualTo(Outcome.MISSING);
        assertThat(body("{\"token\": \"shared-token\"")).isEqualTo(Outcome.MISSING);
    }

    @Test
    void readsATokenHeaderCaseInsensitivelyAndNeverKeepsIt() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("x-webhook-token", "shared-token");

        assertThat(inHeader.verify(headers, new byte[0], BodyFields.NONE)).isEqualTo(Outcome.VERIFIED);
        assertThat(inHeader.verify(new HttpHeaders(), new byte[0], BodyFields.NONE)).isEqualTo(Outcome.MISSING);
        assertThat(inHeader.carries("x-webhook-token")).isTrue();
        assertThat(inHeader.bodyField()).isEmpty();
        assertThatThrownBy(() -> inHeader.require(Outcome.INVALID, (rejection, detail, field) ->
                new IllegalStateException(rejection + " " + field))).hasMessage("TOKEN_INVALID x-webhook-token");
        assertThat(inBody.carries("token")).isFalse();
        assertThat(inBody.bodyField()).contains("token");
    }

    @Test
    void namesTheBodyFieldWhenItRefusesAMissingToken() {
        assertThatThrownBy(() -> inBody.require(Outcome.MISSING, (rejection, detail, field) ->
                new IllegalStateException(rejection + " " + field + ": " + detail)))
                .hasMessage("TOKEN_MISSING token: no token in the body");
        inBody.require(Outcome.VERIFIED, (rejection, detail, field) -> new IllegalStateException("refused a verified token"));
    }

    @Test
    void refusesToWorkWithoutToken() {
        assertThatThrownBy(() -> new SharedToken(Secret.of(" "), RequestField.body("token")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Outcome body(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return inBody.verify(new HttpHeaders(), body, BodyFields.read(body, Set.of("token"), "token"));
    }
}
