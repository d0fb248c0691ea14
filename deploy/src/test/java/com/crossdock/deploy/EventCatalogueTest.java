package com.crossdock.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event catalogue (docs/asyncapi.yaml, docs/events.md) is what {@link EventCatalogue} generates from the code now:
 * a renamed topic, a changed retention, a new consumer group or schema makes this test fail until the files are
 * regenerated ({@value EventCatalogue#REGENERATE}, which writes them instead of comparing).
 */
class EventCatalogueTest {

    private static final Path ROOT = DeployFiles.repositoryRoot();
    private final EventCatalogue catalogue = new EventCatalogue(ROOT);

    @Test
    void theCheckedInCatalogueIsTheOneTheCodeGenerates() throws IOException {
        String asyncApi = catalogue.asyncApi();
        String events = catalogue.eventsMarkdown();
        if (Boolean.getBoolean("crossdock.catalogue.write")) {
            Files.writeString(ROOT.resolve(EventCatalogue.ASYNCAPI), asyncApi);
            Files.writeString(ROOT.resolve(EventCatalogue.EVENTS), events);
        }
        assertThat(Files.readString(ROOT.resolve(EventCatalogue.ASYNCAPI)))
                .as("docs/asyncapi.yaml drifted from the code; regenerate it: " + EventCatalogue.REGENERATE)
                .isEqualTo(asyncApi);
        assertThat(Files.readString(ROOT.resolve(EventCatalogue.EVENTS)))
                .as("docs/events.md drifted from the code; regenerate it: " + EventCatalogue.REGENERATE)
                .isEqualTo(events);
    }

    @Test
    void describesEveryTopicOfTopicsOnceAndNothingElse() {
        assertThat(EventCatalogue.ENTRIES).extracting(EventCatalogue.Entry::topic).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(EventCatalogue.topicConstants());
    }

    @Test
    void everyCanonicalTopicHasItsSchemaAndEveryConsumerGroupItsTopic() throws IOException {
        JsonNode doc = YAMLMapper.builder().build().readTree(catalogue.asyncApi());
        assertThat(doc.path("asyncapi").asString()).isEqualTo("3.0.0");
        JsonNode stock = doc.path("channels").path("stockChangedV1");
        assertThat(stock.path("address").asString()).isEqualTo("crossdock.stock-changed.v1");
        assertThat(stock.path("bindings").path("kafka").path("topicConfiguration").path("retention.ms").asLong())
                .isEqualTo(7L * 24 * 3600 * 1000);
        assertThat(doc.path("channels").path("articleUpsertedV1").path("bindings").path("kafka")
                .path("topicConfiguration").path("cleanup.policy").get(0).asString()).isEqualTo("compact");
        for (EventCatalogue.Entry entry : EventCatalogue.ENTRIES) {
            if (entry.schema() != null) {
                assertThat(ROOT.resolve("schemas/src/main/avro/com/crossdock/events/" + entry.schema() + ".avsc"))
                        .as(entry.topic()).exists();
            }
        }
        // the groups come from the services' sources: the ingress's mapper and serpi-sync's writer, for example
        assertThat(doc.path("operations").path("ingress-mapper-receives-prodsmartWebhookRawV1").path("action").asString())
                .isEqualTo("receive");
        assertThat(doc.path("operations").path("serpi-sync-writer-receives-articleUpsertedV1").path("bindings")
                .path("kafka").path("groupId").path("enum").get(0).asString()).isEqualTo("serpi-sync-writer");
        assertThat(catalogue.eventsMarkdown()).contains("operator tap crossdock.stock-changed.v1 --from-beginning");
        assertThat(List.of(EventCatalogue.channelId("crossdock.stock-changed.v1"))).containsExactly("stockChangedV1");
    }
}
