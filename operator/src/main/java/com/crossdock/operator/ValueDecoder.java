package com.crossdock.operator;

import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import com.crossdock.platform.serde.AvroDeserializer;
import com.crossdock.platform.serde.RegistryClientSettings;
import com.crossdock.platform.serde.RestSchemaRegistryClient;
import com.crossdock.platform.serde.SchemaRegistryException;
import tools.jackson.databind.node.ObjectNode;

/**
 * Avro values (Confluent wire format) to JSON through the platform's deserializer; a value it cannot decode is
 * shown as base64 with the reason, so an operator still sees the poison record that caused a dead letter.
 */
final class ValueDecoder {

    /** Where Apicurio Registry serves the Confluent REST API (its "ccompat" API, v7). */
    static final String APICURIO_CONFLUENT_API = "/apis/ccompat/v7";

    private final AvroDeserializer deserializer;
    private final String unavailableNote;

    private ValueDecoder(AvroDeserializer deserializer, String unavailableNote) {
        this.deserializer = deserializer;
        this.unavailableNote = unavailableNote;
    }

    /**
     * Checks the registry answers first, so an unreachable one is exit code 4, and a URL that is not the Confluent
     * REST API's root, refused credentials or unsupported registry settings in {@code --command-config} exit code 2,
     * rather than every value in base64.
     */
    static ValueDecoder forRegistry(String registryUrl, ClientConfig config, Duration timeout) {
        if (registryUrl == null || registryUrl.isBlank()) {
            return new ValueDecoder(null, "not decoded: no --registry-url given");
        }
        RestSchemaRegistryClient client = client(registryUrl, config);
        try {
            client.subjects();
        } catch (SchemaRegistryException e) {
            if (e.status() == 404) {
                throw notTheConfluentApi(registryUrl, config);
            }
            if (e.status() == 401 || e.status() == 403) {
                throw new OperatorException(ExitCodes.USAGE, e.getMessage() + " (--command-config)");
            }
            throw new OperatorException(ExitCodes.UNREACHABLE, e.getMessage());
        }
        return new ValueDecoder(new AvroDeserializer(client, false), null);
    }

    static RestSchemaRegistryClient client(String registryUrl, ClientConfig config) {
        Map<String, Object> settings = new HashMap<>(config.settings());
        settings.put("schema.registry.url", registryUrl);
        try {
            return new RestSchemaRegistryClient(RegistryClientSettings.from(settings));
        } catch (IllegalArgumentException e) {
            throw new OperatorException(ExitCodes.USAGE, "bad --registry-url " + registryUrl + " or registry settings: "
                    + e.getMessage());
        }
    }

    /**
     * A server that has no {@code /subjects} is not the root of the Confluent REST API: every value would show as
     * base64. Apicurio (docker-compose's registry) answers that API under {@code /apis/ccompat/v7}, which is named
     * when it answers there, so the fix is in the message.
     */
    private static OperatorException notTheConfluentApi(String registryUrl, ClientConfig config) {
        String base = registryUrl.endsWith("/") ? registryUrl.substring(0, registryUrl.length() - 1) : registryUrl;
        String apicurio = base + APICURIO_CONFLUENT_API;
        String hint;
        try {
            client(apicurio, config).subjects();
            hint = "; Apicurio's is " + apicurio + ": use --registry-url " + apicurio;
        } catch (SchemaRegistryException | OperatorException e) {
            hint = "; --registry-url is the URL under which GET /subjects lists the subjects";
        }
        return new OperatorException(ExitCodes.USAGE, "schema registry " + base
                + " answered 404 for /subjects: not the root of the Confluent REST API" + hint);
    }

    /** Puts {@code value} (decoded), or {@code valueText} / {@code valueBase64} and {@code valueNote}, into {@code node}. */
    void describe(String topic, byte[] value, ObjectNode node) {
        if (value == null) {
            node.putNull("value");
            return;
        }
        String note = unavailableNote;
        if (deserializer != null) {
            try {
                node.set("value", AvroJson.toJson(deserializer.deserialize(topic, value)));
                return;
            } catch (RuntimeException e) {
                note = "not decoded: " + e.getMessage();
            }
        }
        String text = RecordHeaders.utf8OrNull(value);
        if (text != null && text.chars().noneMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            // raw webhooks and the audit topic carry JSON text, not Avro: show it readable
            node.put("valueText", text);
        } else {
            node.put("valueBase64", Base64.getEncoder().encodeToString(value));
        }
        node.put("valueNote", note);
    }
}
