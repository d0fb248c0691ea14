package com.crossdock.vendor.serpi;

import java.math.BigDecimal;

import tools.jackson.databind.JsonNode;

/**
 * One line of {@code GET SaldoInventario?fechaCorte=} (VENDORS.md "SERPI", from client code; the document of the
 * articles API does not describe it): an article's balance in one warehouse,
 * {@code {"idArticulo", "codigo", "idBodega", "saldo"}}.
 */
public record SerpiStock(String codigo, String idBodega, BigDecimal saldo) {

    /** Reads the line at {@code field}; {@code codigo}, {@code idBodega} and {@code saldo} are required. */
    public static SerpiStock read(JsonNode item, String field) {
        if (item == null || !item.isObject()) {
            throw new InvalidPayloadException(field, "is not a balance object");
        }
        String codigo = SerpiArticle.text(item, "codigo");
        if (codigo == null) {
            throw new InvalidPayloadException(field + ".codigo", "is required");
        }
        String bodega = SerpiArticle.text(item, "idBodega");
        if (bodega == null) {
            throw new InvalidPayloadException(field + ".idBodega", "is required");
        }
        BigDecimal saldo = SerpiArticle.decimal(item, "saldo", field);
        if (saldo == null) {
            throw new InvalidPayloadException(field + ".saldo", "is required");
        }
        return new SerpiStock(codigo, bodega, saldo);
    }
}
