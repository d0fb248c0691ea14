package com.crossdock.ingress.prodsmart;

import java.util.Optional;

import com.crossdock.ingress.webhook.BodyCheck;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The raw record's key of a Prodsmart webhook: the body's top-level {@code id} where it has one (a production order's,
 * a deleted movement's), so that the webhooks about one order stay in order on one partition; else none (the kit
 * keys it by the webhook uuid). It refuses nothing: Prodsmart never retries ("Obecnie nie obsługujemy ponownych
 * prób", prodsmart-api.pl.txt, "Elementy webhook"), so a verified body that does not fit the reader (a quantity as
 * a string, as the document itself shows it, an unknown field shape, even broken JSON) is stored raw and judged by
 * the mapper stage, which dead-letters what it cannot map with the reason.
 */
final class ProdsmartRecordKey implements BodyCheck {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_LENGTH = 128;

    /**
     * One streaming pass, no tree (issue 15: a tree per body was the edge's largest cost of its own). It reads the
     * whole body all the same, so that a body that is not well-formed JSON has no key, as with the tree it replaces;
     * the last top-level {@code id} counts, as in a tree.
     */
    @Override
    public Optional<String> check(String eventType, byte[] body) {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            String id = null;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                boolean isId = "id".equals(parser.currentName());
                JsonToken value = parser.nextToken();
                if (isId) {
                    id = value == JsonToken.VALUE_NUMBER_INT ? parser.getBigIntegerValue().toString()
                            : value == JsonToken.VALUE_STRING ? usable(parser.getString()) : null;
                }
                parser.skipChildren();
            }
            return parser.nextToken() == null ? Optional.ofNullable(id) : Optional.empty();
        } catch (JacksonException notJson) {
            return Optional.empty();
        }
    }

    private static String usable(String id) {
        return !id.isBlank() && id.length() <= MAX_LENGTH ? id : null;
    }
}
