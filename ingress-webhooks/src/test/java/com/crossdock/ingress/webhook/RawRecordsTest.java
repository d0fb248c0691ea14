package com.crossdock.ingress.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;

import com.crossdock.platform.config.Secret;
import com.crossdock.platform.kafka.ConsumerGroup;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.support.Netty4HeadersAdapter;

import static org.assertj.core.api.Assertions.assertThat;

/** The request headers a raw record keeps, read from the headers as Reactor Netty's server holds them. */
class RawRecordsTest {

    private final RawRecords records = new RawRecords(WebhookProvider.builder("acme")
            .authentication(WebhookAuthentication.token(Secret.of("t"), RequestField.header("X-Acme-Token")))
            .deliveryId(RequestField.header("X-Acme-Delivery"))
            .eventType(RequestField.header("X-Acme-Event"))
            .keptHeaders(name -> name.startsWith("x-acme-"))
            .rawTopic("crossdock.acme-webhook-raw.v1")
            .mapper(delivery -> WebhookMapper.Mapping.keptRaw("any"))
            .mapperGroup(new ConsumerGroup("acme-mapper", "crossdock.acme-webhook-raw.v1"))
            .build());

    @Test
    void keepsTheProvidersHeadersInLowerCaseOnceEachButNeverItsCredentialOrAnyOtherHeader() {
        DefaultHttpHeaders sent = new DefaultHttpHeaders();
        sent.add("Content-Type", "application/json");
        sent.add("X-Acme-Delivery", "d-1");
        sent.add("X-Acme-Region", "eu");
        sent.add("x-acme-region", "us"); // one name in two spellings: two values, each kept once
        sent.add("X-Acme-Token", "t");
        sent.add("Cookie", "session=1");

        ProducerRecord<byte[], byte[]> record = records.of(new HttpHeaders(new Netty4HeadersAdapter(sent)),
                new byte[0], "key", "d-1", false, "created", new WebhookCaller("c-1", null, List.of()),
                Instant.parse("2026-12-02T10:00:00Z"), null);

        assertThat(values(record, "x-acme-region")).containsExactly("eu", "us");
        assertThat(values(record, "x-acme-delivery")).containsExactly("d-1");
        assertThat(values(record, "content-type")).containsExactly("application/json");
        assertThat(values(record, "x-acme-token")).isEmpty();
        assertThat(values(record, "cookie")).isEmpty();
        assertThat(values(record, "X-Acme-Region")).isEmpty();
    }

    private static List<String> values(ProducerRecord<byte[], byte[]> record, String name) {
        return StreamSupport.stream(record.headers().headers(name).spliterator(), false)
                .map(header -> new String(header.value(), StandardCharsets.UTF_8)).toList();
    }
}
