package com.crossdock.ingress.webhook;

import java.time.Duration;
import java.time.Instant;

import com.crossdock.platform.config.Secret;
import com.crossdock.platform.kafka.ConsumerGroup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookProviderTest {

    private static final String RAW = "crossdock.test-webhook-raw.v1";

    @Test
    void readsBackFromHeadersWhatItSendsInHeadersAndFromTheEdgesOwnHeadersWhatItSendsInTheBody() {
        WebhookProvider inBody = provider("body").build();
        WebhookProvider inHeaders = provider("headers").authentication(WebhookAuthentication.token(Secret.of("t"),
                        RequestField.header("X-Token")))
                .deliveryId(RequestField.header("X-Delivery")).eventType(RequestField.header("X-Event"))
                .freshness(new Freshness(RequestField.header("X-Sent-At"), Instant::parse, Duration.ofMinutes(1)))
                .build();

        assertThat(inBody.deliveryIdHeader()).isEqualTo(RawRecordHeaders.DELIVERY_ID);
        assertThat(inBody.eventTypeHeader()).isEqualTo(RawRecordHeaders.EVENT_TYPE);
        assertThat(inBody.bodyFields()).containsExactlyInAnyOrder("token", "id", "eventSource");
        assertThat(inBody.readBackHeaders()).isEmpty();
        assertThat(inHeaders.deliveryIdHeader()).isEqualTo("x-delivery");
        assertThat(inHeaders.eventTypeHeader()).isEqualTo("x-event");
        assertThat(inHeaders.bodyFields()).isEmpty();
        assertThat(inHeaders.readBackHeaders()).containsExactlyInAnyOrder("x-delivery", "x-event", "x-sent-at");
    }

    @Test
    void refusesANameThatIsNoPathSegment() {
        assertThatThrownBy(() -> provider("Acme/v2").build()).hasMessageContaining("path segment");
    }

    @Test
    void refusesAMapperGroupOnAnotherTopicThanItsRawTopic() {
        ConsumerGroup elsewhere = new ConsumerGroup("acme-mapper", "crossdock.other.v1");

        assertThatThrownBy(() -> provider("acme").mapperGroup(elsewhere).build())
                .hasMessageContaining("must consume its raw topic");
    }

    @Test
    void refusesAProviderWithoutMapper() {
        assertThatThrownBy(() -> provider("acme").mapper(null).build()).hasMessageContaining("needs");
    }

    private static WebhookProvider.Builder provider(String name) {
        return WebhookProvider.builder(name)
                .authentication(WebhookAuthentication.token(Secret.of("t"), RequestField.body("token")))
                .deliveryId(RequestField.body("id"))
                .eventType(RequestField.body("eventSource"))
                .rawTopic(RAW)
                .mapper(delivery -> WebhookMapper.Mapping.keptRaw("any"))
                .mapperGroup(new ConsumerGroup(name.toLowerCase() + "-mapper", RAW));
    }
}
