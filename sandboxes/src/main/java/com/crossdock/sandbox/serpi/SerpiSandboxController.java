package com.crossdock.sandbox.serpi;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The SERPI sandbox's control endpoints (no token, never faulted): what "SERPI" holds, and changes made "in SERPI"
 * for demos and tests, as a user of the ERP would make them (each dates the article now, so the change filter sees
 * it).
 */
@RestController
class SerpiSandboxController {

    private final SerpiStore store;
    private final JsonMapper json;

    SerpiSandboxController(SerpiStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    /** {@code {"articles":[...as SERPI answers them], "stock":[{idArticulo, codigo, idBodega, saldo}]}}. */
    @GetMapping("/serpi/_sandbox/articles")
    Map<String, Object> articles() {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("articles", store.articles(article -> true, at -> true));
        all.put("stock", store.balances(null));
        return all;
    }

    /** Sets the given fields of article {@code codigo} (created with placeholder ids when SERPI lacks it). */
    @PutMapping("/serpi/_sandbox/articles/{codigo}")
    ObjectNode change(@PathVariable String codigo, @RequestBody JsonNode fields) {
        if (!fields.isObject()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "the body is an object of article fields");
        }
        return store.change(codigo, (ObjectNode) fields, json);
    }

    /** Removes article {@code codigo}, as if SERPI no longer listed it. */
    @DeleteMapping("/serpi/_sandbox/articles/{codigo}")
    ResponseEntity<Void> remove(@PathVariable String codigo) {
        return store.remove(codigo) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    /** Sets the balance of article {@code codigo} in warehouse {@code idBodega}: {@code {"saldo": 12.5}}. */
    @PutMapping("/serpi/_sandbox/stock/{codigo}/{idBodega}")
    Map<String, Object> balance(@PathVariable String codigo, @PathVariable String idBodega,
            @RequestBody JsonNode body) {
        if (!idBodega.matches("\\d+") || !body.path("saldo").isNumber()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "idBodega is an integer, saldo a number");
        }
        BigDecimal saldo = body.path("saldo").decimalValue();
        store.balance(codigo, idBodega, saldo);
        return Map.of("codigo", codigo, "idBodega", Integer.valueOf(idBodega), "saldo", saldo);
    }
}
