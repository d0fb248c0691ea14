package com.crossdock.ingress.prodsmart;

import java.util.Optional;

import com.crossdock.ingress.webhook.BodyCheck;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
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

    @Override
    public Optional<String> check(String eventType, byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException notJson) {
            return Optional.empty();
        }
        JsonNode id = root == null ? null : root.get("id");
        if (id == null) {
            return Optional.empty();
        }
        if (id.isIntegralNumber()) {
            return Optional.of(id.bigIntegerValue().toString());
        }
        return id.isString() && !id.stringValue().isBlank() && id.stringValue().length() <= 128
                ? Optional.of(id.stringValue()) : Optional.empty();
    }
}
