package com.crossdock.vendor.serpi;

import java.math.BigDecimal;
import java.math.RoundingMode;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One SERPI article as {@code GET Articulo} answers it (serpi-articulos-api.es.txt, "Campo de resultados"): the
 * fields Crossdock maps, read and checked, and the whole object as SERPI sent it ({@link #raw()}), the base of a
 * {@code PUT} that changes only what Crossdock knows.
 */
public record SerpiArticle(int id, String codigo, String descripcion, String referencia, String barras,
        Integer idunidadmedida, BigDecimal costo, boolean activo, BigDecimal pedidoMinimo, BigDecimal multiploCompra,
        Integer diasReposicion, ObjectNode raw) {

    /** The schemas' {@code decimal(20, 6)}. */
    static final int SCALE = 6;

    /**
     * Reads the article at {@code field} (e.g. {@code result[2]}): {@code id}, {@code codigo} and {@code activo}
     * are required (the document: "id int", "codigo string", "activo bool"); the rest may be null.
     */
    public static SerpiArticle read(JsonNode item, String field) {
        if (item == null || !item.isObject()) {
            throw new InvalidPayloadException(field, "is not an article object");
        }
        JsonNode id = item.get("id");
        if (id == null || !id.canConvertToInt()) {
            throw new InvalidPayloadException(field + ".id", "is required (an integer)");
        }
        String codigo = text(item, "codigo");
        if (codigo == null) {
            throw new InvalidPayloadException(field + ".codigo", "is required");
        }
        JsonNode activo = item.get("activo");
        if (activo == null || !activo.isBoolean()) {
            throw new InvalidPayloadException(field + ".activo", "is required (true or false)");
        }
        return new SerpiArticle(id.asInt(), codigo, text(item, "descripcion"), text(item, "referencia"),
                text(item, "barras"), integer(item, "idunidadmedida", field), decimal(item, "costo", field),
                activo.asBoolean(), decimal(item, "pedidoMinimo", field), decimal(item, "multiploCompra", field),
                integer(item, "dias_reposicion", field), ((ObjectNode) item).deepCopy());
    }

    static String text(JsonNode item, String name) {
        JsonNode value = item.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.isString() ? value.asString() : value.toString();
        return text.isBlank() ? null : text.trim();
    }

    static Integer integer(JsonNode item, String name, String field) {
        JsonNode value = item.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt()) {
            throw new InvalidPayloadException(field + "." + name, "is not an integer: " + value);
        }
        return value.asInt();
    }

    static BigDecimal decimal(JsonNode item, String name, String field) {
        JsonNode value = item.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            BigDecimal number = value.isNumber() ? value.decimalValue() : new BigDecimal(value.asString().trim());
            return number.setScale(SCALE, RoundingMode.HALF_EVEN);
        } catch (NumberFormatException | ArithmeticException notANumber) {
            throw new InvalidPayloadException(field + "." + name, "is not a number: " + value);
        }
    }
}
