package com.crossdock.sandbox.optimakers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Optimakers' API as this integration uses it. Its paths are not public (VENDORS.md): these are the client's
 * default paths, {@code POST /api/orders}, {@code GET /api/orders?externalId=}, {@code GET /api/orders/{id}},
 * {@code GET /api/products/{id}}. A create is refused (422, each field at fault) when it names a status,
 * currency, VAT rate or attribute the instance does not have: the ids must be set up first ("Parametry te nie są
 * domyślnie zdefiniowane i trzeba je dodać do systemu").
 */
@RestController
class OptimakersApiController {

    private final OptimakersInstance instance;
    private final OptimakersSandboxProperties properties;

    OptimakersApiController(OptimakersInstance instance, OptimakersSandboxProperties properties) {
        this.instance = instance;
        this.properties = properties;
    }

    @PostMapping("/optimakers/api/orders")
    ResponseEntity<Object> create(@RequestBody JsonNode order) {
        if (!(order instanceof ObjectNode body)) {
            return ResponseEntity.unprocessableEntity().body(OptimakersConfiguration.errors("body", "must be an object"));
        }
        List<Map<String, Object>> errors = new ArrayList<>();
        known(errors, "statusId", body.path("statusId"), properties.orderStatuses());
        known(errors, "currencyId", body.path("currencyId"), List.copyOf(properties.currencies().values()));
        JsonNode items = body.path("items");
        if (!items.isArray() || items.isEmpty()) {
            errors.add(error("items", "at least one item is required"));
        }
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (item.path("sku").asString("").isBlank()) {
                errors.add(error("items[" + i + "].sku", "is required"));
            }
            if (!item.path("quantity").isValueNode()) {
                errors.add(error("items[" + i + "].quantity", "is required"));
            }
            known(errors, "items[" + i + "].vatRateId", item.path("vatRateId"), List.copyOf(properties.vatRates().values()));
        }
        attributes(errors, "attributes", body.path("attributes"), properties.orderAttributes());
        attributes(errors, "customer.attributes", body.path("customer").path("attributes"), properties.customerAttributes());
        if (!errors.isEmpty()) {
            return ResponseEntity.unprocessableEntity().body(Map.of("errors", errors));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(instance.createOrder(body));
    }

    @GetMapping("/optimakers/api/orders")
    List<ObjectNode> find(@RequestParam String externalId) {
        return instance.ordersByExternalId(externalId);
    }

    @GetMapping("/optimakers/api/orders/{id}")
    ResponseEntity<Object> order(@PathVariable long id) {
        return instance.order(id).<ResponseEntity<Object>>map(ResponseEntity::ok).orElseGet(() -> notFound("order", id));
    }

    @GetMapping("/optimakers/api/products/{id}")
    ResponseEntity<Object> product(@PathVariable long id) {
        return instance.product(id).<ResponseEntity<Object>>map(ResponseEntity::ok).orElseGet(() -> notFound("product", id));
    }

    private static ResponseEntity<Object> notFound(String what, long id) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(OptimakersConfiguration.errors("id", "no " + what + " " + id));
    }

    private static void attributes(List<Map<String, Object>> errors, String field, JsonNode attributes, List<Long> ids) {
        if (attributes.isMissingNode() || attributes.isNull()) {
            return;
        }
        for (int i = 0; i < attributes.size(); i++) {
            known(errors, field + "[" + i + "].attributeId", attributes.get(i).path("attributeId"), ids);
        }
    }

    private static void known(List<Map<String, Object>> errors, String field, JsonNode id, List<Long> ids) {
        if (!id.canConvertToLong()) {
            errors.add(error(field, "is required"));
        } else if (!ids.contains(id.asLong())) {
            errors.add(error(field, "no such id: " + id.asLong()));
        }
    }

    private static Map<String, Object> error(String field, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        return error;
    }
}
