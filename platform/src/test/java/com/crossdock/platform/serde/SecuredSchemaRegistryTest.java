package com.crossdock.platform.serde;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The registry client against a registry with authentication or TLS turned on, configured under Confluent's keys
 * ({@link RegistryClientSettings}): credentials are sent, a missing one is a clear refusal, a dead first URL fails
 * over, and the keys it does not implement are refused when the serde is configured, never ignored.
 */
class SecuredSchemaRegistryTest {

    private static final Schema TINY = new Schema.Parser().parse("""
            {"type":"record","name":"Guarded","namespace":"test","fields":[{"name":"a","type":"string"}]}""");
    private static final String DEAD = "http://127.0.0.1:1";
    private static final String STORE_PASSWORD = "changeit";

    @TempDir
    static Path directory;

    private static InProcessSchemaRegistry basic;
    private static InProcessSchemaRegistry bearer;

    @BeforeAll
    static void startRegistries() {
        basic = InProcessSchemaRegistry.start(0, RegistryAccess.basic("analyst", "s3cret"), null);
        bearer = InProcessSchemaRegistry.start(0, RegistryAccess.bearer("tok-123"), null);
    }

    @AfterAll
    static void stopRegistries() {
        basic.close();
        bearer.close();
    }

    @Test
    void sendsBasicAuthUserInfo() {
        RestSchemaRegistryClient client = client(Map.of("schema.registry.url", basic.url(),
                "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "analyst:s3cret"));

        int id = client.register("basic-value", TINY);

        assertThat(client.byId(id)).isEqualTo(TINY);
        assertThat(client.subjects()).contains("basic-value");
    }

    @Test
    void sendsTheUserInfoOfTheUrlWhenTheSourceIsUrl() {
        String withUser = basic.url().replace("http://", "http://analyst:s3cret@");

        RestSchemaRegistryClient client = client(Map.of("schema.registry.url", withUser, "basic.auth.credentials.source", "URL"));

        assertThat(client.register("url-user-value", TINY)).isPositive();
    }

    @Test
    void sendsAStaticBearerToken() {
        RestSchemaRegistryClient client = client(Map.of("schema.registry.url", bearer.url(),
                "bearer.auth.credentials.source", "STATIC_TOKEN", "bearer.auth.token", "tok-123"));

        assertThat(client.latest(registered(client, "bearer-value")).schema()).isEqualTo(TINY);
    }

    @Test
    void withoutOrWithWrongCredentialsTheRefusalSaysSo() {
        assertThatThrownBy(() -> new RestSchemaRegistryClient(basic.url()).subjects())
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(401))
                .hasMessageContaining("refused the credentials (401): none were sent; set basic.auth.* or bearer.auth.*");
        assertThatThrownBy(() -> client(Map.of("schema.registry.url", bearer.url(),
                "bearer.auth.credentials.source", "STATIC_TOKEN", "bearer.auth.token", "stale")).subjects())
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("refused the credentials (401): check basic.auth.user.info or bearer.auth.token")
                .hasMessageNotContaining("stale");
    }

    @Test
    void failsOverFromADeadFirstUrlToTheNext() {
        RestSchemaRegistryClient client = client(Map.of("schema.registry.url", DEAD + ", " + basic.url(),
                "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "analyst:s3cret"));

        int id = client.register("failover-value", TINY);

        assertThat(client.idOf("failover-value", TINY)).isEqualTo(id);
    }

    @Test
    void noUrlAnsweringNamesEveryUrlTried() {
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(DEAD + ",http://127.0.0.1:2");

        assertThatThrownBy(client::subjects)
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.schemaMayAppear()).isTrue())
                .hasMessageStartingWith("schema registry at " + DEAD + ", http://127.0.0.1:2 unreachable: ");
    }

    @Test
    void theSerdeConfiguredWithCredentialsWritesAndReads() {
        Map<String, Object> configs = Map.of("schema.registry.url", basic.url(),
                "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "analyst:s3cret");
        AvroSerializer serializer = new AvroSerializer();
        serializer.configure(configs, false);
        AvroDeserializer deserializer = new AvroDeserializer();
        deserializer.configure(configs, false);
        GenericRecord record = new GenericData.Record(TINY);
        record.put("a", "guarded");

        Object read = deserializer.deserialize("serde-auth", serializer.serialize("serde-auth", record));

        assertThat(read).hasToString("{\"a\": \"guarded\"}");
    }

    @Test
    void refusesTheKeysItDoesNotImplementWhenTheSerdeIsConfigured() {
        Map<String, Object> configs = new HashMap<>(Map.of("schema.registry.url", bearer.url(),
                "bearer.auth.credentials.source", "OAUTHBEARER", "bearer.auth.client.id", "crossdock",
                "bearer.auth.issuer.endpoint.url", "https://idp.example/token"));

        assertThatThrownBy(() -> new AvroSerializer().configure(configs, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsupported schema registry client settings [bearer.auth.client.id, bearer.auth.issuer.endpoint.url]");
        configs.keySet().removeIf(key -> key.startsWith("bearer.auth.client") || key.startsWith("bearer.auth.issuer"));
        assertThatThrownBy(() -> new AvroDeserializer().configure(configs, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bearer.auth.credentials.source=OAUTHBEARER is not supported");
    }

    @Test
    void refusesOtherUnsupportedOrIncompleteSettingsWithTheKeyNamed() {
        assertThatThrownBy(() -> RegistryClientSettings.from(Map.of("schema.registry.url", DEAD,
                "basic.auth.credentials.source", "SASL_INHERIT")))
                .hasMessageContaining("basic.auth.credentials.source=SASL_INHERIT is not supported");
        assertThatThrownBy(() -> RegistryClientSettings.from(Map.of("schema.registry.url", DEAD,
                "schema.registry.ssl.keystore.location", "/etc/client.p12")))
                .hasMessageContaining("[schema.registry.ssl.keystore.location]");
        assertThatThrownBy(() -> RegistryClientSettings.from(Map.of("schema.registry.url", DEAD,
                "basic.auth.user.info", "analyst:s3cret")))
                .hasMessageContaining("basic.auth.user.info needs basic.auth.credentials.source=USER_INFO");
        assertThatThrownBy(() -> new RestSchemaRegistryClient(RegistryClientSettings.from(Map.of(
                "schema.registry.url", "https://127.0.0.1:1", "schema.registry.ssl.truststore.location",
                directory.resolve("missing.p12").toString()))))
                .hasMessageContaining("cannot read the schema registry trust store schema.registry.ssl.truststore.location=");
        assertThat(RegistryClientSettings.from(Map.of("schema.registry.url", DEAD, "bootstrap.servers", "kafka:9092",
                "sasl.jaas.config", "kafka's own, not the registry's")).endpoints()).hasSize(1);
    }

    @Test
    void trustsAnHttpsRegistryThroughItsOwnTrustStoreOnly() throws Exception {
        Path store = selfSignedKeyStore();
        try (InProcessSchemaRegistry https = InProcessSchemaRegistry.start(0, RegistryAccess.OPEN, serverTls(store))) {
            RestSchemaRegistryClient trusting = client(Map.of("schema.registry.url", https.url(),
                    "schema.registry.ssl.truststore.location", store.toString(),
                    "schema.registry.ssl.truststore.password", STORE_PASSWORD,
                    "schema.registry.ssl.truststore.type", "PKCS12"));

            assertThat(https.url()).startsWith("https://");
            assertThat(trusting.register("tls-value", TINY)).isPositive();
            // the JVM's CAs do not know the registry's certificate: the handshake fails, so the URL is unreachable
            assertThatThrownBy(() -> new RestSchemaRegistryClient(https.url()).subjects())
                    .isInstanceOf(SchemaRegistryException.class).hasMessageContaining("unreachable");
        }
    }

    private static String registered(RestSchemaRegistryClient client, String subject) {
        client.register(subject, TINY);
        return subject;
    }

    private static RestSchemaRegistryClient client(Map<String, ?> configs) {
        return new RestSchemaRegistryClient(RegistryClientSettings.from(configs));
    }

    /** A key pair for 127.0.0.1 made by the JDK's keytool: the trust store is the same file (its certificate). */
    private static Path selfSignedKeyStore() throws IOException, InterruptedException {
        Path store = directory.resolve("registry.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "registry", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD)
                .redirectErrorStream(true).redirectOutput(directory.resolve("keytool.log").toFile()).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(Files.readString(directory.resolve("keytool.log"))).isZero();
        return store;
    }

    private static SSLContext serverTls(Path store) throws IOException, GeneralSecurityException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, STORE_PASSWORD.toCharArray());
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, STORE_PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);
        return context;
    }

}
