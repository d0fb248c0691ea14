package com.crossdock.ingress.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BodyFieldsTest {

    private static final Set<String> NAMES = Set.of("id", "eventSource", "token");

    @Test
    void readsTopLevelTextAndNumbersOnly() {
        BodyFields fields = BodyFields.read(utf8("{\"nested\": {\"id\": \"inner\"}, \"id\": 12, "
                + "\"eventSource\": \"order.updated\", \"ids\": [1, 2], \"token\": null}"), NAMES, "token");

        fields.requireReadable();
        assertThat(fields.value("id")).isEqualTo("12");
        assertThat(fields.value("eventSource")).isEqualTo("order.updated");
        assertThat(fields.value("token")).isNull();
        assertThat(fields.value("ids")).isNull();
    }

    @Test
    void storesTheBodyAsReceivedExceptTheCredentialsValue() {
        String body = "{\"id\":1,  \"token\" : \"s3cr\\\"et-\u00e9\" ,\n \"ids\": [\"\u00e9\"]}";

        BodyFields fields = BodyFields.read(utf8(body), NAMES, "token");

        assertThat(fields.value("token")).isEqualTo("s3cr\"et-\u00e9");
        assertThat(new String(fields.withoutCredential(utf8(body)), StandardCharsets.UTF_8))
                .isEqualTo("{\"id\":1,  \"token\" : \"******\" ,\n \"ids\": [\"\u00e9\"]}");
    }

    @Test
    void replacesACredentialThatIsNoTextToo() {
        String body = "{\"token\": {\"value\": \"s3cret\"}, \"id\": 1}";

        BodyFields fields = BodyFields.read(utf8(body), NAMES, "token");

        assertThat(new String(fields.withoutCredential(utf8(body)), StandardCharsets.UTF_8))
                .isEqualTo("{\"token\": \"******\", \"id\": 1}");
    }

    @Test
    void keepsABodyWithoutCredentialAsItIs() {
        byte[] body = utf8("{\"id\": 1}");

        assertThat(BodyFields.read(body, NAMES, "token").withoutCredential(body)).isSameAs(body);
        assertThat(BodyFields.read(body, Set.of(), null)).isSameAs(BodyFields.NONE);
    }

    @Test
    void callsMalformedJsonUnreadableNamingTheFieldWhereItBroke() {
        BodyFields fields = BodyFields.read(utf8("{\"id\": 1, \"token\": tru}"), NAMES, "token");

        assertThat(fields.value("id")).isNull();
        assertThatThrownBy(fields::requireReadable).isInstanceOfSatisfying(InvalidWebhookException.class, e -> {
            assertThat(e.malformed()).isTrue();
            assertThat(e.field()).isEqualTo("token");
        });
    }

    @Test
    void callsABodyThatNamesAFieldTwiceUnreadable() {
        BodyFields fields = BodyFields.read(utf8("{\"token\": \"a\", \"token\": \"b\"}"), NAMES, "token");

        assertThat(fields.value("token")).isNull();
        assertThatThrownBy(fields::requireReadable).isInstanceOf(InvalidWebhookException.class);
    }

    @Test
    void callsAnythingButAnObjectUnreadable() {
        assertThatThrownBy(BodyFields.read(utf8("[{\"id\": 1}]"), NAMES, null)::requireReadable)
                .isInstanceOfSatisfying(InvalidWebhookException.class, e -> assertThat(e.malformed()).isFalse());
        assertThatThrownBy(BodyFields.read(utf8("{\"id\": 1} {}"), NAMES, null)::requireReadable)
                .isInstanceOfSatisfying(InvalidWebhookException.class, e -> assertThat(e.malformed()).isTrue());
        assertThatThrownBy(BodyFields.read(new byte[0], NAMES, null)::requireReadable)
                .isInstanceOf(InvalidWebhookException.class);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
