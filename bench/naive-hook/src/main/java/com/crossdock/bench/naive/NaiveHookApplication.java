package com.crossdock.bench.naive;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The second baseline of bench/ingress-speed.sh (issue 15), exactly the naive durable hook the issue names:
 * HMAC-SHA256 over the raw bytes, {@code KafkaTemplate.send} with acks=all and idempotence (application.yml),
 * 2xx once the broker acknowledges, nothing else (no freshness, no dedupe, no spool, no headers kept, no metrics).
 * What any webhook that is durable before its answer costs on this machine and this broker.
 */
@SpringBootApplication
@RestController
public class NaiveHookApplication {

    /** The answer once Kafka has the body. */
    record Answer(String status) {
    }

    private static final Answer ACCEPTED = new Answer("accepted");

    private final KafkaTemplate<byte[], byte[]> kafka;
    private final String topic;
    private final ThreadLocal<Mac> macs;

    NaiveHookApplication(KafkaTemplate<byte[], byte[]> kafka, @Value("${bench.topic}") String topic,
            @Value("${bench.secret}") String secret) {
        this.kafka = kafka;
        this.topic = topic;
        SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public static void main(String[] args) {
        SpringApplication.run(NaiveHookApplication.class, args);
    }

    /** Its topic, with as many partitions as the ingress's raw topic (the platform's default, 3). */
    @Bean
    NewTopic hookTopic(@Value("${bench.topic}") String topic, @Value("${bench.partitions}") int partitions) {
        return TopicBuilder.name(topic).partitions(partitions).replicas(1).build();
    }

    @PostMapping("/hook")
    Mono<ResponseEntity<Answer>> receive(@RequestHeader("x-prodsmart-hmac-sha256") String signature,
            @RequestBody byte[] body) {
        byte[] expected = HexFormat.of().formatHex(macs.get().doFinal(body)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            return Mono.just(ResponseEntity.status(HttpStatus.UNAUTHORIZED).build());
        }
        return Mono.fromFuture(kafka.send(topic, body)).thenReturn(ResponseEntity.ok(ACCEPTED));
    }
}
