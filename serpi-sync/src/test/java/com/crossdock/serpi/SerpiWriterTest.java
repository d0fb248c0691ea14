package com.crossdock.serpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;

import com.crossdock.events.ArticleUpserted;
import com.crossdock.events.SourceSystem;
import com.crossdock.platform.kafka.DeadLetterHeaders;
import com.crossdock.platform.kafka.RawRecordSender;
import com.crossdock.testing.TopicReader;
import com.crossdock.testkit.Timeouts;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/** Kafka → SERPI: create then modify, loop prevention, a partial failure, and a dead letter replayed once fixed. */
class SerpiWriterTest extends SyncTestSupport {

    @Autowired
    MeterRegistry meters;

    @Autowired
    ConfigurableEnvironment environment;

    @Autowired
    RawRecordSender sender;

    @Test
    void anArticleOfAnotherSourceIsCreatedThenModifiedWithSerpisId() {
        String code = code("OUT");
        publishFromProdsmart(code, "Perno 8mm", "RAW");

        await().atMost(Timeouts.PATIENCE).until(() -> SERPI.articles(code).size() == 1);
        Map<String, Object> created = SERPI.articles(code).get(0);
        assertThat(created).containsEntry("descripcion", "Perno 8mm").containsEntry("idgrupocontable", 2)
                .containsEntry("idlinea", 1).containsEntry("idcategoria", 2).containsEntry("idpresentacion", 5)
                .containsEntry("idmarca", 1).containsEntry("idunidadmedida", 3).containsEntry("activo", true);

        publishFromProdsmart(code, "Perno 8mm galvanizado", "RAW");
        await().atMost(Timeouts.PATIENCE).until(() -> "Perno 8mm galvanizado".equals(
                SERPI.articles(code).get(0).get("descripcion")));
        assertThat(SERPI.articles(code)).hasSize(1);
        assertThat(SERPI.articles(code).get(0)).containsEntry("id", created.get("id"));
        assertThat(deadLetters(code)).isEmpty();
        assertThat(SERPI.concurrentRefused()).isZero();
    }

    /** A poll hands the writer crossdock.serpi.write-poll-records events (2000 by default), not Kafka's 500. */
    @Test
    void theWritersPollIsTheSetting(@Autowired KafkaListenerEndpointRegistry listeners) {
        assertThat(listeners.getListenerContainer("serpi-sync-writer").getContainerProperties()
                .getKafkaConsumerProperties().getProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG)).isEqualTo("2000");
    }

    /** An article that came from SERPI is never written back; SERPI's reading of what was written ends there. */
    @Test
    void noEchoLoop() {
        String fromSerpi = code("ECHO");
        double skipped = writes("skipped_from_serpi");
        publish(fromSerpi, "De SERPI", "RAW", SourceSystem.SERPI);
        await().atMost(Timeouts.PATIENCE).until(() -> writes("skipped_from_serpi") > skipped);
        assertThat(SERPI.articles(fromSerpi)).isEmpty();

        // a Prodsmart article goes to SERPI once; SERPI's own reading of it (at most one event) is not written back
        String code = code("LOOP");
        publishFromProdsmart(code, "Ida y vuelta", "RAW");
        await().atMost(Timeouts.PATIENCE).until(() -> articles(code).stream()
                .anyMatch(article -> article.getEnvelope().getSourceSystem() == SourceSystem.SERPI));
        double updated = writes("updated");
        double created = writes("created");
        long served = SERPI.requestsServed();
        await().atMost(Timeouts.PATIENCE).until(() -> SERPI.requestsServed() > served + 6);
        List<ArticleUpserted> events = articles(code);
        assertThat(events.stream().filter(a -> a.getEnvelope().getSourceSystem() == SourceSystem.SERPI)).hasSize(1);
        assertThat(events).hasSize(2);
        assertThat(writes("updated")).isEqualTo(updated);
        assertThat(writes("created")).isEqualTo(created);
        assertThat(SERPI.articles(code)).hasSize(1);
    }

    /** SERPI refuses one article of an array by name: it alone is a dead letter, the others are written. */
    @Test
    void aPartialBatchFailureDeadLettersOnlyTheRefusedArticle() {
        String stale = code("STALE");
        SERPI.change(stale, Map.of("descripcion", "Se borrara"));
        // once SERPI's article has been read (its id in the catalog), it disappears from SERPI
        await().atMost(Timeouts.PATIENCE).until(() -> articles(stale).size() == 1);
        SERPI.remove(stale);

        String first = code("OK1");
        String second = code("OK2");
        publishFromProdsmart(stale, "Modificado", "RAW");
        publishFromProdsmart(first, "Primero", "RAW");
        publishFromProdsmart(second, "Segundo", "RAW");

        await().atMost(Timeouts.PATIENCE).until(() -> deadLetters(stale).size() == 1);
        assertThat(TopicReader.header(deadLetters(stale).get(0), DeadLetterHeaders.FAILURE_MESSAGE))
                .contains("SERPI refused article " + stale).contains("no existe un articulo con id");
        await().atMost(Timeouts.PATIENCE).until(() -> SERPI.articles(first).size() == 1
                && SERPI.articles(second).size() == 1);
        assertThat(deadLetters(first)).isEmpty();
        assertThat(deadLetters(second)).isEmpty();
    }

    /**
     * An article whose create ids cannot be mapped is a dead letter naming the missing mapping, the rest of the
     * batch is written; once the mapping is added, the replayed dead letter is written once.
     */
    @Test
    void anUnmappableArticleIsADeadLetterAndIsWrittenOnceReplayedAfterTheFix() {
        String foam = code("FOAM");
        String fine = code("FINE");
        publishFromProdsmart(foam, "Espuma", "FOAM");
        publishFromProdsmart(fine, "Bien", "RAW");

        await().atMost(Timeouts.PATIENCE).until(() -> deadLetters(foam).size() == 1);
        ConsumerRecord<byte[], byte[]> dead = deadLetters(foam).get(0);
        assertThat(TopicReader.header(dead, DeadLetterHeaders.FAILURE_MESSAGE))
                .contains("no mapping crossdock.serpi.mapping.material-types.FOAM");
        await().atMost(Timeouts.PATIENCE).until(() -> SERPI.articles(fine).size() == 1);
        assertThat(SERPI.articles(foam)).isEmpty();

        environment.getPropertySources().addFirst(new MapPropertySource("foam-mapping", Map.of(
                "crossdock.serpi.mapping.material-types.FOAM.accounting-group", "7",
                "crossdock.serpi.mapping.material-types.FOAM.line", "7",
                "crossdock.serpi.mapping.material-types.FOAM.category", "7",
                "crossdock.serpi.mapping.material-types.FOAM.presentation", "7",
                "crossdock.serpi.mapping.material-types.FOAM.brand", "7")));
        replay(dead);

        await().atMost(Timeouts.PATIENCE).until(() -> SERPI.articles(foam).size() == 1);
        assertThat(SERPI.articles(foam).get(0)).containsEntry("idlinea", 7);
        double created = writes("created");
        replay(dead);   // a second replay modifies what the first created: never a second article
        await().atMost(Timeouts.PATIENCE).until(() -> writes("updated") > 0 && SERPI.articles(foam).size() == 1);
        assertThat(deadLetters(foam)).hasSize(1);
        assertThat(writes("created")).isEqualTo(created);
    }

    /** As the operator's replay does: the dead letter's key, value and headers onto the group's retry topic. */
    private void replay(ConsumerRecord<byte[], byte[]> dead) {
        sender.send(new ProducerRecord<>(WRITER_RETRY, null, dead.key(), dead.value(), dead.headers())).join();
    }

    private double writes(String outcome) {
        var counter = meters.find("crossdock.serpi.writes").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
