package com.crossdock.operator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.crossdock.platform.kafka.RawRecordSender;
import com.crossdock.platform.poller.LeaseSettings;
import com.crossdock.platform.poller.PollerLease;
import com.crossdock.platform.serde.InProcessSchemaRegistry;
import com.crossdock.platform.serde.RegistryAccess;
import com.crossdock.testing.StandaloneKafka;
import com.crossdock.testkit.Timeouts;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.support.ResourcePropertySource;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A secured cluster (a SASL listener taking SCRAM-SHA-256 and PLAIN, a registry with basic auth): the services' own
 * clients, built from Spring Boot's {@code spring.kafka.*} as the services build them (bound here from the
 * environment variables a Kubernetes Secret would set), and the operator with {@code --command-config} connect with
 * credentials and fail clearly without them. One extra broker, for this class only.
 */
class SecuredClusterTest {

    private static final Schema SCANNED = new Schema.Parser().parse("""
            {"type":"record","name":"Scanned","namespace":"test.secured","fields":[{"name":"sku","type":"string"}]}""");
    private static final String SCRAM_JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
            + StandaloneKafka.SASL_USER + "\" password=\"" + StandaloneKafka.SASL_PASSWORD + "\";";

    @TempDir
    static Path directory;

    private static StandaloneKafka kafka;
    private static InProcessSchemaRegistry registry;

    @BeforeAll
    static void startSecuredCluster() {
        kafka = StandaloneKafka.startWithSasl();
        registry = InProcessSchemaRegistry.start(0, RegistryAccess.basic("registry-user", "registry-pass"), null);
    }

    @AfterAll
    static void stopSecuredCluster() {
        registry.close();
        kafka.close();
    }

    @Test
    void theServicesClientsAndTheOperatorConnectWithTheSameClientProperties() throws Exception {
        KafkaProperties service = serviceKafkaProperties(Map.of(
                "SPRING_KAFKA_PROPERTIES_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-256",
                "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", SCRAM_JAAS,
                "SPRING_KAFKA_PROPERTIES_BASIC_AUTH_CREDENTIALS_SOURCE", "USER_INFO",
                "SPRING_KAFKA_PROPERTIES_BASIC_AUTH_USER_INFO", "registry-user:registry-pass"));

        // the raw sender (webhooks, spool drains, dead letters) and Spring Boot's Avro template (events)
        RawRecordSender raw = new RawRecordSender(service.buildProducerProperties(), DataSize.ofMegabytes(1));
        DefaultKafkaProducerFactory<Object, Object> events = new DefaultKafkaProducerFactory<>(service.buildProducerProperties());
        try (PollerLease lease = new PollerLease(service.buildConsumerProperties(), new LeaseSettings(Duration.ofSeconds(6)),
                "secured", "demo")) {
            raw.send(new ProducerRecord<>("secured.raw", "k".getBytes(), "{\"raw\":true}".getBytes()))
                    .get(Timeouts.BLOCK.toSeconds(), TimeUnit.SECONDS);
            GenericRecord scanned = new GenericData.Record(SCANNED);
            scanned.put("sku", "SKU-7");
            new KafkaTemplate<>(events).send("secured.events", "SKU-7", scanned).get(Timeouts.BLOCK.toSeconds(), TimeUnit.SECONDS);
            lease.start();
            await().atMost(Timeouts.PATIENCE).until(lease::isActive);
        } finally {
            raw.destroy();
            events.destroy();
        }

        OperatorRun tap = operator(commandConfig("scram.properties", scramLogin() + registryLogin()),
                "tap", "secured.events", "--max-records=1");

        assertThat(tap.exitCode()).as(tap.err()).isZero();
        assertThat(tap.out()).contains("\"sku\":\"SKU-7\"");
        // PLAIN, the other mechanism of Confluent Cloud and MSK's SASL listeners, through the same file
        OperatorRun plain = operator(commandConfig("plain.properties", """
                security.protocol=SASL_PLAINTEXT
                sasl.mechanism=PLAIN
                sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="%s" password="%s";
                """.formatted(StandaloneKafka.SASL_USER, StandaloneKafka.SASL_PASSWORD) + registryLogin()), "tap", "secured.raw", "--max-records=1");
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(plain.out()).contains("{\\\"raw\\\":true}");
    }

    @Test
    void withoutCredentialsTheOperatorSaysWhatIsMissing() throws IOException {
        OperatorRun anonymous = operator(null, "dlt", "list", "--timeout=3s");
        OperatorRun wrongPassword = operator(commandConfig("wrong.properties", scramLogin().replace(
                StandaloneKafka.SASL_PASSWORD, "not-the-password")), "dlt", "list", "--timeout=5s");
        OperatorRun noRegistryLogin = operator(commandConfig("kafka-only.properties", scramLogin()),
                "tap", "secured.events", "--max-records=1");
        OperatorRun oauthRegistry = operator(commandConfig("oauth.properties", scramLogin()
                + "bearer.auth.credentials.source=OAUTHBEARER\nbearer.auth.client.id=crossdock\n"), "tap", "secured.events");

        assertThat(anonymous.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(anonymous.err()).contains("a secured cluster needs security.protocol and its credentials: --command-config FILE");
        assertThat(wrongPassword.exitCode()).as(wrongPassword.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(wrongPassword.err()).contains("Authentication failed").doesNotContain("not-the-password");
        assertThat(noRegistryLogin.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noRegistryLogin.err()).contains("refused the credentials (401): none were sent");
        assertThat(oauthRegistry.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(oauthRegistry.err()).contains("unsupported schema registry client settings [bearer.auth.client.id]");
    }

    @Test
    void aServiceWithoutCredentialsDoesNotReachTheSecuredListener() {
        KafkaProperties service = serviceKafkaProperties(Map.of());
        Map<String, Object> producer = new HashMap<>(service.buildProducerProperties());
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000);
        RawRecordSender raw = new RawRecordSender(producer, DataSize.ofMegabytes(1));
        try {
            assertThatThrownBy(() -> raw.warmUp("secured.raw")).hasStackTraceContaining("Timeout");
        } finally {
            raw.destroy();
        }
    }

    /** Spring Boot's Kafka settings as a service binds them: the platform's defaults, then the environment. */
    private static KafkaProperties serviceKafkaProperties(Map<String, Object> environment) {
        Map<String, Object> all = new HashMap<>(environment);
        all.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.saslBootstrapServers());
        all.put("SPRING_KAFKA_PROPERTIES_SCHEMA_REGISTRY_URL", registry.url());
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, all));
        try {
            sources.addLast(new ResourcePropertySource("classpath:crossdock-platform-defaults.properties"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new Binder(ConfigurationPropertySources.from(sources)).bindOrCreate("spring.kafka", KafkaProperties.class);
    }

    private static String scramLogin() {
        return "security.protocol=SASL_PLAINTEXT\nsasl.mechanism=SCRAM-SHA-256\nsasl.jaas.config=" + SCRAM_JAAS + "\n";
    }

    private static String registryLogin() {
        return "basic.auth.credentials.source=USER_INFO\nbasic.auth.user.info=registry-user:registry-pass\n";
    }

    private static Path commandConfig(String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content);
    }

    private static OperatorRun operator(Path commandConfig, String... args) {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(args));
        all.add("--bootstrap-servers=" + kafka.saslBootstrapServers());
        all.add("--registry-url=" + registry.url());
        if (commandConfig != null) {
            all.add("--command-config=" + commandConfig);
        }
        return OperatorRun.run(all.toArray(String[]::new));
    }
}
