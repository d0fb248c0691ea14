package com.crossdock.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.crossdock.platform.kafka.CrossdockKafkaProperties;
import com.crossdock.platform.kafka.TopicDeclarations;
import com.crossdock.platform.kafka.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.kafka.core.KafkaAdmin;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * The event catalogue for analysts, generated from the code: {@code docs/asyncapi.yaml} (AsyncAPI 3.0) and
 * {@code docs/events.md}. Each topic's name comes from {@link Topics}, its partitions, retention or compaction from
 * {@link TopicDeclarations} (the defaults of {@code crossdock.kafka.*}), a canonical topic's schema is its {@code .avsc}
 * in {@code schemas/src/main/avro}, and its consumer groups are the {@code new ConsumerGroup("<id>", Topics.X)}
 * declarations in the services' sources. What the code does not state in one place (what the key is, which service
 * writes the topic, which service reads a topic whole without a group) is the table below; a topic of {@link Topics}
 * missing from it fails the build ({@code EventCatalogueTest}).
 *
 * <p>Regenerate: {@value #REGENERATE}
 */
final class EventCatalogue {

    static final String REGENERATE = "./mvnw -q -pl deploy -am test -Dtest=EventCatalogueTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dcrossdock.catalogue.write=true";
    static final Path ASYNCAPI = Path.of("docs/asyncapi.yaml");
    static final Path EVENTS = Path.of("docs/events.md");
    private static final String AVRO = "application/vnd.apache.avro;version=1.9.0";
    private static final String KAFKA_BINDING = "0.5.0";
    private static final List<String> SERVICES = List.of("ingress-webhooks", "paqtana-publisher", "prodsmart-poller",
            "serpi-sync", "order-bridge", "supplier-gateway", "operator");
    /** Names in {@link Topics} that are no topic of the hub's own (a key, a push target, the registry's store). */
    private static final Set<String> NOT_CATALOGUED = Set.of(Topics.BASELINKER_CURSOR_KEY,
            Topics.PAQTANA_MASTER_INVENTORY, Topics.SCHEMAS);
    private static final Pattern CONSUMER_GROUP =
            Pattern.compile("new ConsumerGroup\\(\\s*\"([^\"]+)\"\\s*,\\s*Topics\\.([A-Z_]+)\\s*\\)");

    enum Kind {
        CANONICAL, RAW, STATE,
        /** The operator's audit: created by the operator itself, kept forever, the broker's default partitions. */
        AUDIT
    }

    /**
     * @param schema   the Avro record of a canonical topic (schemas/src/main/avro/com/crossdock/events/NAME.avsc)
     * @param producers the services that write it
     * @param readers  services that read it whole, without a consumer group (a view, a start-up load)
     * @param tapKey   an example key for the {@code tap} example, null for none
     */
    record Entry(String topic, Kind kind, String schema, String key, String description, List<String> producers,
            List<String> readers, String tapKey) {
    }

    static final List<Entry> ENTRIES = List.of(
            new Entry(Topics.STOCK_CHANGED, Kind.CANONICAL, "StockChanged", "product code and location, joined by a vertical bar",
                    "Stock movements per product and location (deltas).",
                    List.of("ingress-webhooks", "prodsmart-poller"), List.of("paqtana-publisher"), "V23076|main"),
            new Entry(Topics.PRODUCTION_ORDER_CHANGED, Kind.CANONICAL, "ProductionOrderChanged", "the order id",
                    "Production orders, each event the order's full state.",
                    List.of("ingress-webhooks", "prodsmart-poller"), List.of("paqtana-publisher"), "1"),
            new Entry(Topics.ORDER_PLACED, Kind.CANONICAL, "OrderPlaced", "the source's order id",
                    "Sales orders, each event the order's full state.",
                    List.of("order-bridge"), List.of("paqtana-publisher"), null),
            new Entry(Topics.ARTICLE_UPSERTED, Kind.CANONICAL, "ArticleUpserted", "the article code",
                    "Article master data.", List.of("prodsmart-poller", "serpi-sync", "order-bridge"),
                    List.of("paqtana-publisher"), "123"),
            new Entry(Topics.ORDER_FULFILLED, Kind.CANONICAL, "OrderFulfilled", "the source order's id",
                    "Orders fulfilled at their producer (Optimakers).", List.of("order-bridge"), List.of(), null),
            new Entry(Topics.SUPPLIER_INVOICE_RECEIVED, Kind.CANONICAL, "SupplierInvoiceReceived",
                    "`<supplier>:<invoice id>`", "Supplier invoices, the incoming-goods documents.",
                    List.of("supplier-gateway"), List.of(), null),
            new Entry(Topics.PRODSMART_WEBHOOK_RAW, Kind.RAW, null, "the Prodsmart record's id",
                    "Verified Prodsmart webhooks exactly as received (JSON body, headers without the signature).",
                    List.of("ingress-webhooks"), List.of(), null),
            new Entry(Topics.OPTIMAKERS_WEBHOOK_RAW, Kind.RAW, null, "the webhook's id",
                    "Verified Optimakers webhooks as received (JSON, the body's token replaced).",
                    List.of("ingress-webhooks"), List.of(), null),
            new Entry(Topics.PRODSMART_CHANGES_RAW, Kind.RAW, null, "the feed channel",
                    "Prodsmart feed items no canonical event states, and items that could not be mapped (JSON).",
                    List.of("prodsmart-poller"), List.of(), null),
            new Entry(Topics.SERPI_RAW, Kind.RAW, null, "the article code",
                    "SERPI answers and articles serpi-sync could not read (JSON, the reason in a header).",
                    List.of("serpi-sync"), List.of(), null),
            new Entry(Topics.BASELINKER_ORDERS_RAW, Kind.RAW, null, "the order id",
                    "BaseLinker orders that could not be mapped, as read (JSON, the reason in a header).",
                    List.of("order-bridge"), List.of(), null),
            new Entry(Topics.SUPPLIER_INVOICES_RAW, Kind.RAW, null, "the supplier",
                    "Supplier invoice answers the gateway could not map, as received.",
                    List.of("supplier-gateway"), List.of(), null),
            new Entry(Topics.BASELINKER_ORDERS_CURSOR, Kind.STATE, null, "the status imported",
                    "The BaseLinker order poller's cursor (the last date_confirmed stored).",
                    List.of("order-bridge"), List.of("order-bridge"), null),
            new Entry(Topics.OPTIMAKERS_ORDER_LINKS, Kind.STATE, null, "the BaseLinker order id",
                    "Which Optimakers order (value, text) was created for which BaseLinker order.",
                    List.of("order-bridge"), List.of("order-bridge"), null),
            new Entry(Topics.PAQTANA_MASTER_INVENTORY_SENT, Kind.STATE, null, "location and code",
                    "The items of the last master inventory Paqtana accepted (a tombstone when an item leaves).",
                    List.of("paqtana-publisher"), List.of("paqtana-publisher"), null),
            new Entry(Topics.SUPPLIER_ORDER_KEYS, Kind.STATE, null, "the order's Idempotency-Key",
                    "The outcome of each supplier order by its Idempotency-Key (JSON).",
                    List.of("supplier-gateway"), List.of("supplier-gateway"), null),
            new Entry(Topics.OPERATOR_AUDIT, Kind.AUDIT, null, "the replay id",
                    "Every operator replay run (JSON): who, what filter, how many. Created by the operator itself.",
                    List.of("operator"), List.of(), null));

    private final Path root;

    EventCatalogue(Path root) {
        this.root = root;
    }

    /** The names in {@link Topics} that are topics, for the completeness check. */
    static Set<String> topicConstants() {
        Set<String> topics = new TreeSet<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    String value = (String) field.get(null);
                    if (!NOT_CATALOGUED.contains(value)) {
                        topics.add(value);
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return topics;
    }

    /** Each topic's consumer groups (group id to its service), from the services' ConsumerGroup declarations. */
    Map<String, Map<String, String>> consumerGroups() {
        Map<String, Map<String, String>> groups = new TreeMap<>();
        for (String service : SERVICES) {
            Path sources = root.resolve(service).resolve("src/main/java");
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    Matcher matcher = CONSUMER_GROUP.matcher(Files.readString(file));
                    while (matcher.find()) {
                        groups.computeIfAbsent(constant(matcher.group(2)), t -> new TreeMap<>())
                                .put(matcher.group(1), service);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return groups;
    }

    private static String constant(String name) {
        try {
            return (String) Topics.class.getField(name).get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Topics." + name + " is named by a ConsumerGroup but does not exist", e);
        }
    }

    private static NewTopic declared(Entry entry) {
        TopicDeclarations declarations = new TopicDeclarations(new Binder(new MapConfigurationPropertySource())
                .bindOrCreate("crossdock.kafka", CrossdockKafkaProperties.class));
        return switch (entry.kind()) {
            case CANONICAL -> topicsOf(declarations.canonical()).stream()
                    .filter(t -> t.name().equals(entry.topic())).findFirst()
                    .orElseThrow(() -> new IllegalStateException(entry.topic() + " is not a canonical topic"));
            case RAW -> topicsOf(declarations.raw(List.of(entry.topic()))).iterator().next();
            case STATE -> declarations.state(entry.topic());
            // as the operator's KafkaAccess.ensureTopic(topic, null) creates it
            case AUDIT -> new NewTopic(entry.topic(), Optional.empty(), Optional.empty())
                    .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"));
        };
    }

    /** What a {@code NewTopics} declares (spring-kafka keeps its getter package-private: KafkaAdmin reads it). */
    @SuppressWarnings("unchecked")
    private static Collection<NewTopic> topicsOf(KafkaAdmin.NewTopics topics) {
        try {
            Method getter = KafkaAdmin.NewTopics.class.getDeclaredMethod("getNewTopics");
            getter.setAccessible(true);
            return (Collection<NewTopic>) getter.invoke(topics);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** docs/asyncapi.yaml's text. */
    String asyncApi() {
        Map<String, Map<String, String>> groups = consumerGroups();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("asyncapi", "3.0.0");
        doc.put("info", ordered("title", "Crossdock events",
                "version", MavenCoordinates.of(root.resolve("pom.xml")).version(),
                "description", "Every Kafka topic of the Crossdock hub: key, retention or compaction, schema, producers "
                        + "and consumers. Generated from the code by " + EventCatalogue.class.getName()
                        + " (do not edit; regenerate with `" + REGENERATE + "`). Read any topic with the operator's "
                        + "`tap` (docs/events.md)."));
        doc.put("defaultContentType", "application/json");
        doc.put("servers", Map.of("kafka", ordered("host", "localhost:9092", "protocol", "kafka",
                "description", "The cluster's bootstrap servers (docker-compose.yml: localhost:9092)")));
        Map<String, Object> channels = new LinkedHashMap<>();
        Map<String, Object> operations = new LinkedHashMap<>();
        for (Entry entry : ENTRIES) {
            String id = channelId(entry.topic());
            NewTopic declared = declared(entry);
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("name", entry.schema() != null ? entry.schema() : id);
            if (entry.schema() != null) {
                message.put("contentType", "application/vnd.apache.avro+binary");
                message.put("payload", ordered("schemaFormat", AVRO, "schema",
                        Map.of("$ref", "../schemas/src/main/avro/com/crossdock/events/" + entry.schema() + ".avsc")));
            } else {
                message.put("payload", ordered("type", "string", "description", "bytes as written (JSON text)"));
            }
            message.put("bindings", Map.of("kafka", ordered("key", ordered("type", "string", "description", entry.key()),
                    "bindingVersion", KAFKA_BINDING)));
            Map<String, Object> channel = new LinkedHashMap<>();
            channel.put("address", entry.topic());
            channel.put("description", entry.description() + " Key: " + entry.key() + ". " + kindText(entry.kind())
                    + " Tap: `" + tap(entry) + "`");
            channel.put("messages", Map.of(message.get("name").toString(), message));
            Map<String, Object> configuration = new LinkedHashMap<>();
            Map<String, String> configs = declared.configs();
            configuration.put("cleanup.policy", List.of(configs.getOrDefault(TopicConfig.CLEANUP_POLICY_CONFIG, "delete")));
            if (configs.containsKey(TopicConfig.RETENTION_MS_CONFIG)) {
                configuration.put("retention.ms", Long.parseLong(configs.get(TopicConfig.RETENTION_MS_CONFIG)));
            }
            if (configs.containsKey(TopicConfig.MAX_MESSAGE_BYTES_CONFIG)) {
                configuration.put("max.message.bytes", Long.parseLong(configs.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG)));
            }
            Map<String, Object> binding = new LinkedHashMap<>();
            binding.put("topic", entry.topic());
            if (declared.numPartitions() > 0) {
                binding.put("partitions", declared.numPartitions());
            }
            binding.put("topicConfiguration", configuration);
            binding.put("bindingVersion", KAFKA_BINDING);
            channel.put("bindings", Map.of("kafka", binding));
            channels.put(id, channel);
            Map<String, Object> channelRef = Map.of("$ref", "#/channels/" + id);
            for (String producer : entry.producers()) {
                operations.put(producer + "-sends-" + id, ordered("action", "send", "channel", channelRef,
                        "summary", producer + " writes " + entry.topic()));
            }
            for (Map.Entry<String, String> group : groups.getOrDefault(entry.topic(), Map.of()).entrySet()) {
                operations.put(group.getKey() + "-receives-" + id, ordered("action", "receive", "channel", channelRef,
                        "summary", group.getValue() + " consumes in group " + group.getKey() + " (retry topic "
                                + Topics.retryTopic(entry.topic(), group.getKey()) + ", dead letters "
                                + Topics.deadLetterTopic(entry.topic(), group.getKey()) + ")",
                        "bindings", Map.of("kafka", ordered("groupId", ordered("type", "string",
                                "enum", List.of(group.getKey())), "bindingVersion", KAFKA_BINDING))));
            }
            for (String reader : entry.readers()) {
                operations.put(reader + "-reads-" + id, ordered("action", "receive", "channel", channelRef,
                        "summary", reader + " reads the whole topic, without a consumer group"));
            }
        }
        doc.put("channels", channels);
        doc.put("operations", operations);
        return "# Generated by " + EventCatalogue.class.getName() + ": do not edit. Regenerate with\n# " + REGENERATE
                + "\n" + YAMLMapper.builder().disable(YAMLWriteFeature.WRITE_DOC_START_MARKER).build()
                .writeValueAsString(doc);
    }

    /** docs/events.md's text: one row per topic and how to read it. */
    String eventsMarkdown() {
        Map<String, Map<String, String>> groups = consumerGroups();
        StringBuilder md = new StringBuilder("""
                # Events: every topic and how to read it

                <!-- Generated by %s: do not edit. Regenerate with
                %s -->

                The catalogue as AsyncAPI 3.0 is [asyncapi.yaml](asyncapi.yaml) (channels, messages, the Avro schemas,
                producers and consumer groups). Every command below is the operator's `tap` (docs/operator.md): it prints
                JSON lines, Avro values decoded through the registry (`--registry-url`, or `CROSSDOCK_REGISTRY_URL`),
                from the first record (`--from-beginning`), at most `--max-records`; `--follow` keeps reading, `--key`
                keeps one key. The JAR is `java -jar operator/target/operator-*-exec.jar` (README.md).

                | topic | key | kept | schema | written by | read by |
                |---|---|---|---|---|---|
                """.formatted(EventCatalogue.class.getName(), REGENERATE));
        List<String> taps = new ArrayList<>();
        for (Entry entry : ENTRIES) {
            Map<String, String> configs = declared(entry).configs();
            long retention = Long.parseLong(configs.getOrDefault(TopicConfig.RETENTION_MS_CONFIG, "-1"));
            String kept = "compact".equals(configs.get(TopicConfig.CLEANUP_POLICY_CONFIG)) ? "compacted"
                    : retention < 0 ? "forever" : (retention / 86_400_000L) + " days";
            List<String> readers = new ArrayList<>();
            groups.getOrDefault(entry.topic(), Map.of()).forEach((group, service) -> readers.add(service + " (" + group + ")"));
            entry.readers().forEach(reader -> readers.add(reader + " (whole topic)"));
            md.append("| `").append(entry.topic()).append("` | ").append(entry.key()).append(" | ").append(kept)
                    .append(" | ").append(entry.schema() != null ? "[" + entry.schema() + "](../schemas/src/main/avro/com/crossdock/events/"
                            + entry.schema() + ".avsc)" : "JSON").append(" | ").append(String.join(", ", entry.producers()))
                    .append(" | ").append(readers.isEmpty() ? "—" : String.join(", ", readers)).append(" |\n");
            taps.add("# " + entry.description() + "\n" + tap(entry));
        }
        md.append("\nEach consumer group also has `<topic>.<group>.retry` (where `dlt replay` sends back) and "
                + "`<topic>.<group>.dlt` (its dead letters, kept 30 days). Not listed: each webhook provider's "
                + "`<raw topic>.quarantine`, the pollers' leases `crossdock.<vendor>-poller.lease`, the registry's "
                + "`_schemas`.\n\n```bash\n")
                .append(String.join("\n\n", taps)).append("\n```\n");
        return md.toString();
    }

    private static String tap(Entry entry) {
        StringBuilder tap = new StringBuilder("operator tap ").append(entry.topic()).append(" --from-beginning");
        if (entry.schema() != null) {
            tap.append(" --registry-url http://localhost:8081");
        }
        if (entry.tapKey() != null) {
            tap.append(" --key '").append(entry.tapKey()).append("'");
        }
        return tap.append(" --max-records 10").toString();
    }

    private static String kindText(Kind kind) {
        return switch (kind) {
            case CANONICAL -> "A canonical event topic (Avro in the Confluent wire format).";
            case RAW -> "A raw topic: input kept as received.";
            case STATE -> "A service's state, compacted: the latest record of every key stays.";
            case AUDIT -> "Kept forever.";
        };
    }

    /** {@code crossdock.stock-changed.v1} -> {@code stockChangedV1}. */
    static String channelId(String topic) {
        String[] words = topic.replaceFirst("^crossdock\\.", "").split("[.-]");
        StringBuilder id = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            id.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return id.toString();
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
