package com.crossdock.vendor.serpi;

import java.util.Optional;

import com.crossdock.platform.vendor.BodyFailure;
import com.crossdock.platform.vendor.BodyFailureClassifier;
import tools.jackson.databind.JsonNode;

/**
 * SERPI's failure in a 2xx answer (DESIGN.md "Calling vendors"): {@code success:false} fails the call, whatever the
 * HTTP status; its {@code code} says whether trying again can help (5xx: SERPI overloaded or in maintenance, "503 El
 * servidor no está disponible actualmente", is transient; anything else is SERPI's refusal). Code 204, "No se
 * encontraron registros", is an empty answer, not a failure.
 */
public final class SerpiStatus implements BodyFailureClassifier<JsonNode> {

    @Override
    public Optional<BodyFailure> classify(JsonNode body) {
        if (body == null || !body.isObject() || body.path("success").asBoolean(true)
                || body.path("code").asInt(0) == SerpiEnvelope.NO_RECORDS) {
            return Optional.empty();
        }
        String detail = "success:false, code " + body.path("code").asString("?") + ": "
                + body.path("message").asString("") + (body.path("errors").isArray()
                        && !body.path("errors").isEmpty() ? " " + body.path("errors") : "");
        return Optional.of(body.path("code").asInt(0) >= 500 ? BodyFailure.retryable(detail)
                : BodyFailure.permanent(detail));
    }
}
