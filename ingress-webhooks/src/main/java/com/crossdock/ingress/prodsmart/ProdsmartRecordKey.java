package com.crossdock.ingress.prodsmart;

import java.util.Optional;

import com.crossdock.ingress.webhook.BodyCheck;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
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

    /**
     * Its buffers recycled per thread (the event loops), not through the shared concurrent pool that is Jackson's
     * default: a body is read on one thread from start to end.
     */
    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.threadLocalPool()).build()).build();
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
                    id = value == JsonToken.VALUE_NUMBER_INT ? integer(parser)
                            : value == JsonToken.VALUE_STRING ? usable(parser.getString()) : null;
                }
                parser.skipChildren();
            }
            return parser.nextToken() == null ? Optional.ofNullable(id) : Optional.empty();
        } catch (JacksonException notJson) {
            return Optional.empty();
        }
    }

    /** An integer as the tree gives it ({@code -0} is 0), without a BigInteger for one that fits a long. */
    private static String integer(JsonParser parser) {
        return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? parser.getBigIntegerValue().toString()
                : Long.toString(parser.getLongValue());
    }

    private static String usable(String id) {
        return !id.isBlank() && id.length() <= MAX_LENGTH ? id : null;
    }
}
