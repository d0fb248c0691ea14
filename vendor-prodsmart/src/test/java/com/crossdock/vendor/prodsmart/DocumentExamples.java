package com.crossdock.vendor.prodsmart;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The examples of prodsmart-api.pl.txt that the sandboxes do not carry (src/test/resources/prodsmart-api). */
final class DocumentExamples {

    /** {@code GET /api/production-orders/{id}}, answer 200: location an object, {@code is-active}. */
    static final String PRODUCTION_ORDER = "prodsmart-api/production-order.json";
    /** {@code PUT /api/production-orders/{id}}, request: location a code. */
    static final String PRODUCTION_ORDER_PUT_REQUEST = "prodsmart-api/production-order-put-request.json";
    /** {@code GET /api/production-orders/}, answer 200: an array; {@code active}. */
    static final String PRODUCTION_ORDERS_LIST = "prodsmart-api/production-orders-list.json";
    /** {@code POST /api/inventory-movements/}, request: quantity as text, {@code type}, codes for the places. */
    static final String INVENTORY_MOVEMENT_REQUEST = "prodsmart-api/inventory-movement-request.json";
    /** {@code GET /api/inventory-movements/}, answer 200: an array of movements. */
    static final String INVENTORY_MOVEMENTS_LIST = "prodsmart-api/inventory-movements-list.json";
    /** {@code GET /api/stock/{code}}, answer 200: the level reconciliation reads per product. */
    static final String STOCK = "prodsmart-api/stock.json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DocumentExamples() {
    }

    static String text(String resource) {
        try (InputStream in = DocumentExamples.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no such example: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The example as the poller's JSON reader gives it (floats as doubles). */
    static JsonNode tree(String resource) {
        return JSON.readTree(text(resource));
    }
}
