package com.crossdock.operator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;

import com.crossdock.platform.serde.AvroDeserializer;
import com.crossdock.platform.serde.RestSchemaRegistryClient;
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
     * REST API's root exit code 2, rather than every value in base64.
     */
    static ValueDecoder forRegistry(String registryUrl, Duration timeout) {
        if (registryUrl == null || registryUrl.isBlank()) {
            return new ValueDecoder(null, "not decoded: no --registry-url given");
        }
        String base = registryUrl.endsWith("/") ? registryUrl.substring(0, registryUrl.length() - 1) : registryUrl;
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/subjects")).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() >= 500) {
                throw new OperatorException(ExitCodes.UNREACHABLE, "schema registry " + base + " answered " + answer.statusCode());
            }
            if (answer.statusCode() == 404) {
                throw notTheConfluentApi(http, base, timeout);
            }
        } catch (IllegalArgumentException e) {
            throw new OperatorException(ExitCodes.USAGE, "bad --registry-url " + registryUrl + ": " + e.getMessage());
        } catch (java.io.IOException e) {
            throw OperatorException.unreachable("schema registry " + base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperatorException(ExitCodes.INTERNAL_ERROR, "interrupted");
        }
        return new ValueDecoder(new AvroDeserializer(new RestSchemaRegistryClient(base), false), null);
    }

    /**
     * A server that has no {@code /subjects} is not the root of the Confluent REST API: every value would show as
     * base64. Apicurio (docker-compose's registry) answers that API under {@code /apis/ccompat/v7}, which is named
     * when it answers there, so the fix is in the message.
     */
    private static OperatorException notTheConfluentApi(HttpClient http, String base, Duration timeout)
            throws java.io.IOException, InterruptedException {
        String apicurio = base + APICURIO_CONFLUENT_API;
        HttpResponse<Void> there = http.send(HttpRequest.newBuilder(URI.create(apicurio + "/subjects")).timeout(timeout)
                .GET().build(), HttpResponse.BodyHandlers.discarding());
        String hint = there.statusCode() / 100 == 2 ? "; Apicurio's is " + apicurio + ": use --registry-url " + apicurio
                : "; --registry-url is the URL under which GET /subjects lists the subjects";
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
