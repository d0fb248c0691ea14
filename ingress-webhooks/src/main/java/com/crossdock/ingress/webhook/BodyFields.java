package com.crossdock.ingress.webhook;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The top-level fields of a JSON body that a provider reads at the edge (its token, delivery id, event type,
 * sending time), read in one streaming pass without building a tree, and where its credential's value lies in
 * the raw bytes, so that the raw record can keep the body as received except that value. Only read for a
 * provider that has such a field: a provider whose every field is a header pays nothing here.
 */
final class BodyFields {

    /** For a provider that reads nothing from the body. */
    static final BodyFields NONE = new BodyFields(Map.of(), null, -1, -1);
    /** What replaces the credential's value in the stored body: still JSON, and never the credential. */
    static final byte[] REDACTED = "\"******\"".getBytes(StandardCharsets.US_ASCII);
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final Map<String, String> values;
    private final InvalidWebhookException unreadable;
    private final int credentialStart;
    private final int credentialEnd;

    private BodyFields(Map<String, String> values, InvalidWebhookException unreadable, int credentialStart,
            int credentialEnd) {
        this.values = values;
        this.unreadable = unreadable;
        this.credentialStart = credentialStart;
        this.credentialEnd = credentialEnd;
    }

    /**
     * Never throws: a body that is not a JSON object (or names a field twice, which would leave it open which of
     * the two counts) is {@linkplain #requireReadable unreadable}, and has no values.
     *
     * @param names           the top-level fields to read
     * @param credentialField the one among them whose value is a credential (its place is kept); null if none
     */
    static BodyFields read(byte[] body, Set<String> names, String credentialField) {
        if (names.isEmpty()) {
            return NONE;
        }
        Map<String, String> values = new HashMap<>();
        int start = -1;
        int end = -1;
        JsonParser parser = JSON.createParser(body);
        try (parser) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return unreadable(new InvalidWebhookException("body", "must be a JSON object", false));
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                int valueStart = (int) parser.currentTokenLocation().getByteOffset();
                if (value.isScalarValue() && value != JsonToken.VALUE_NULL && names.contains(name)) {
                    values.put(name, parser.getValueAsString());
                } else {
                    parser.skipChildren();
                }
                if (name.equals(credentialField)) {
                    start = valueStart;
                    end = (int) parser.currentLocation().getByteOffset();
                }
            }
            if (parser.nextToken() != null) {
                return unreadable(new InvalidWebhookException("body", "has more after its JSON object", true));
            }
        } catch (JacksonException e) {
            // the parser reads a value's first token with its name: the name it holds is where it broke
            String name = parser.currentName();
            return unreadable(new InvalidWebhookException(name == null ? "body" : name,
                    "the body is not well-formed JSON (at byte " + e.getLocation().getByteOffset() + ")", true));
        }
        return new BodyFields(Map.copyOf(values), null, start, end);
    }

    private static BodyFields unreadable(InvalidWebhookException why) {
        return new BodyFields(Map.of(), why, -1, -1);
    }

    /** A field's value as text (a number as written); null when absent, null, an object or an array. */
    String value(String name) {
        return values.get(name);
    }

    /** Throws why the body could not be read: malformed JSON, or not a JSON object. */
    void requireReadable() {
        if (unreadable != null) {
            throw unreadable;
        }
    }

    /** The body to store: as received, except the credential's value, replaced by {@link #REDACTED}. */
    byte[] withoutCredential(byte[] body) {
        if (credentialStart < 0) {
            return body;
        }
        byte[] stored = new byte[body.length - (credentialEnd - credentialStart) + REDACTED.length];
        System.arraycopy(body, 0, stored, 0, credentialStart);
        System.arraycopy(REDACTED, 0, stored, credentialStart, REDACTED.length);
        System.arraycopy(body, credentialEnd, stored, credentialStart + REDACTED.length, body.length - credentialEnd);
        return stored;
    }
}
