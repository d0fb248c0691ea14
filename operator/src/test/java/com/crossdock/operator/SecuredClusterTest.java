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
 * A secured cluster (SASL_PLAINTEXT and SASL_SSL listeners taking SCRAM-SHA-256, PLAIN and OAUTHBEARER, an SSL
 * listener whose certificate only a trust store made for it trusts, a registry with basic auth): the services' own
 * clients, built from Spring Boot's {@code spring.kafka.*} as the services build them (bound here from the
 * environment variables a Kubernetes Secret would set), and the operator with {@code --command-config} connect with
 * credentials and fail clearly without them or with an untrusted certificate. One extra broker, for this class only.
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
        kafka = StandaloneKafka.startSecured();
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

        useEveryKindOfClient(service, "secured.raw", "secured.events", "SKU-7");

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

    @Test
    void overTlsTheServicesAndTheOperatorTrustTheBrokersCertificateThroughATrustStore() throws Exception {
        Map<String, Object> environment = new HashMap<>(serviceTrustStore("SSL"));
        environment.put("SPRING_KAFKA_PROPERTIES_BASIC_AUTH_CREDENTIALS_SOURCE", "USER_INFO");
        environment.put("SPRING_KAFKA_PROPERTIES_BASIC_AUTH_USER_INFO", "registry-user:registry-pass");
        useEveryKindOfClient(serviceKafkaProperties(kafka.sslBootstrapServers(), environment),
                "secured.tls.raw", "secured.tls.events", "SKU-TLS");

        OperatorRun tap = operator(kafka.sslBootstrapServers(), commandConfig("tls.properties", tls("SSL") + registryLogin()),
                "tap", "secured.tls.events", "--max-records=1");

        assertThat(tap.exitCode()).as(tap.err()).isZero();
        assertThat(tap.out()).contains("\"sku\":\"SKU-TLS\"");
    }

    @Test
    void overSaslSslAnOauthBearerTokenOrScramLetsTheServicesAndTheOperatorIn() throws Exception {
        Map<String, Object> environment = new HashMap<>(serviceTrustStore("SASL_SSL"));
        environment.put("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "OAUTHBEARER");
        environment.put("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", oauthJaas("crossdock-service", StandaloneKafka.OAUTH_SCOPE));
        environment.put("SPRING_KAFKA_PROPERTIES_BASIC_AUTH_CREDENTIALS_SOURCE", "USER_INFO");
        environment.put("SPRING_KAFKA_PROPERTIES_BASIC_AUTH_USER_INFO", "registry-user:registry-pass");
        useEveryKindOfClient(serviceKafkaProperties(kafka.saslSslBootstrapServers(), environment),
                "secured.oauth.raw", "secured.oauth.events", "SKU-OAUTH");

        OperatorRun tap = operator(kafka.saslSslBootstrapServers(), commandConfig("oauth-kafka.properties", tls("SASL_SSL")
                        + "sasl.mechanism=OAUTHBEARER\nsasl.jaas.config=" + oauthJaas("crossdock-operator", StandaloneKafka.OAUTH_SCOPE)
                        + "\n" + registryLogin()), "tap", "secured.oauth.events", "--max-records=1");
        OperatorRun scram = operator(kafka.saslSslBootstrapServers(), commandConfig("scram-tls.properties",
                tls("SASL_SSL") + scramLogin().replace("security.protocol=SASL_PLAINTEXT\n", "")), "dlt", "list");

        assertThat(tap.exitCode()).as(tap.err()).isZero();
        assertThat(tap.out()).contains("\"sku\":\"SKU-OAUTH\"");
        assertThat(scram.exitCode()).as(scram.err()).isZero();
    }

    @Test
    void anUntrustedCertificateOrATokenWithoutTheScopeIsRefusedClearly() throws IOException {
        OperatorRun untrusted = operator(kafka.sslBootstrapServers(), commandConfig("untrusted.properties",
                "security.protocol=SSL\n"), "dlt", "list", "--timeout=10s");
        OperatorRun noScope = operator(kafka.saslSslBootstrapServers(), commandConfig("no-scope.properties", tls("SASL_SSL")
                + "sasl.mechanism=OAUTHBEARER\nsasl.jaas.config=" + oauthJaas("crossdock-operator", null) + "\n"),
                "dlt", "list", "--timeout=10s");

        assertThat(untrusted.exitCode()).as(untrusted.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(untrusted.err()).contains("no TLS connection", "certification path",
                "ssl.truststore.location and ssl.truststore.password in --command-config");
        assertThat(noScope.exitCode()).as(noScope.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(noScope.err()).contains("refused the client's credentials", "insufficient_scope", StandaloneKafka.OAUTH_SCOPE);
    }

    @Test
    void aServiceThatDoesNotTrustTheBrokersCertificateDoesNotConnect() {
        KafkaProperties service = serviceKafkaProperties(kafka.sslBootstrapServers(),
                Map.of("SPRING_KAFKA_SECURITY_PROTOCOL", "SSL"));
        Map<String, Object> producer = new HashMap<>(service.buildProducerProperties());
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10000);
        RawRecordSender raw = new RawRecordSender(producer, DataSize.ofMegabytes(1));
        try {
            assertThatThrownBy(() -> raw.warmUp("secured.tls.raw")).hasStackTraceContaining("SSL handshake failed");
        } finally {
            raw.destroy();
        }
    }

    /** Spring Boot's Kafka settings as a service binds them: the platform's defaults, then the environment. */
    private static KafkaProperties serviceKafkaProperties(Map<String, Object> environment) {
        return serviceKafkaProperties(kafka.saslBootstrapServers(), environment);
    }

    private static KafkaProperties serviceKafkaProperties(String bootstrapServers, Map<String, Object> environment) {
        Map<String, Object> all = new HashMap<>(environment);
        all.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
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
        return operator(kafka.saslBootstrapServers(), commandConfig, args);
    }

    private static OperatorRun operator(String bootstrapServers, Path commandConfig, String... args) {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(args));
        all.add("--bootstrap-servers=" + bootstrapServers);
        all.add("--registry-url=" + registry.url());
        if (commandConfig != null) {
            all.add("--command-config=" + commandConfig);
        }
        return OperatorRun.run(all.toArray(String[]::new));
    }

    /**
     * What a service does with its Kafka settings: the raw sender (webhooks, spool drains, dead letters) writes
     * {@code {"raw":true}} to {@code rawTopic}, Spring Boot's Avro template writes a Scanned event for {@code sku} to
     * {@code eventTopic}, and a poller's lease (a consumer in a group) becomes active.
     */
    private static void useEveryKindOfClient(KafkaProperties service, String rawTopic, String eventTopic, String sku)
            throws Exception {
        RawRecordSender raw = new RawRecordSender(service.buildProducerProperties(), DataSize.ofMegabytes(1));
        DefaultKafkaProducerFactory<Object, Object> events = new DefaultKafkaProducerFactory<>(service.buildProducerProperties());
        try (PollerLease lease = new PollerLease(service.buildConsumerProperties(), new LeaseSettings(Duration.ofSeconds(6)),
                eventTopic, "demo")) {
            raw.send(new ProducerRecord<>(rawTopic, "k".getBytes(), "{\"raw\":true}".getBytes()))
                    .get(Timeouts.BLOCK.toSeconds(), TimeUnit.SECONDS);
            GenericRecord scanned = new GenericData.Record(SCANNED);
            scanned.put("sku", sku);
            new KafkaTemplate<>(events).send(eventTopic, sku, scanned).get(Timeouts.BLOCK.toSeconds(), TimeUnit.SECONDS);
            lease.start();
            await().atMost(Timeouts.PATIENCE).until(lease::isActive);
        } finally {
            raw.destroy();
            events.destroy();
        }
    }

    /** The trust store of the broker's certificate, as a service takes it: Spring Boot's spring.kafka.ssl.* keys. */
    private static Map<String, Object> serviceTrustStore(String securityProtocol) {
        return Map.of("SPRING_KAFKA_SECURITY_PROTOCOL", securityProtocol,
                "SPRING_KAFKA_SSL_TRUST_STORE_LOCATION", "file:" + kafka.trustStore(),
                "SPRING_KAFKA_SSL_TRUST_STORE_PASSWORD", StandaloneKafka.TLS_PASSWORD,
                "SPRING_KAFKA_SSL_TRUST_STORE_TYPE", "PKCS12");
    }

    /** The same trust store in a --command-config file: Kafka's own ssl.* keys. */
    private static String tls(String securityProtocol) {
        return "security.protocol=" + securityProtocol + "\nssl.truststore.location=" + kafka.trustStore()
                + "\nssl.truststore.password=" + StandaloneKafka.TLS_PASSWORD + "\nssl.truststore.type=PKCS12\n";
    }

    /** A JAAS line for Kafka's unsecured OAUTHBEARER login: a token with this subject and, unless null, this scope. */
    private static String oauthJaas(String subject, String scope) {
        return "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required unsecuredLoginStringClaim_sub=\""
                + subject + "\"" + (scope == null ? "" : " unsecuredLoginStringClaim_scope=\"" + scope + "\"") + ";";
    }
}
