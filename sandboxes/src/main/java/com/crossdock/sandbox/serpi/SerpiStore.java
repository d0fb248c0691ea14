package com.crossdock.sandbox.serpi;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the fake SERPI holds: its articles (by SERPI id, in id order, each with its modification time in SERPI's
 * zone) and its balances per article and warehouse. Thread-safe.
 */
final class SerpiStore {

    /** "Campos del request": the fields a create requires ("Requerido: SI"), with their JSON type. */
    static final Map<String, String> REQUIRED = requiredFields();

    private final Clock clock;
    private final Map<Integer, ObjectNode> articles = new LinkedHashMap<>();
    private final Map<Integer, LocalDateTime> modified = new LinkedHashMap<>();
    /** SERPI's id of each code: a lookup, so that a request's own work does not grow with the catalogue. */
    private final Map<String, Integer> ids = new java.util.HashMap<>();
    private final Map<String, Map<String, BigDecimal>> stock = new TreeMap<>();
    private int nextId = 1;
    private int created;
    private int updated;

    SerpiStore(Clock clock) {
        this.clock = clock;
    }

    private static Map<String, String> requiredFields() {
        Map<String, String> required = new LinkedHashMap<>();
        required.put("codigo", "string");
        required.put("descripcion", "string");
        for (String id : List.of("idgrupocontable", "idlinea", "idcategoria", "idpresentacion", "idmarca",
                "idunidadmedida")) {
            required.put(id, "int");
        }
        required.put("activo", "bool");
        return Map.copyOf(required);
    }

    synchronized List<ObjectNode> articles(Predicate<ObjectNode> filter, Predicate<LocalDateTime> modifiedWithin) {
        return articles(filter, modifiedWithin, 0, Integer.MAX_VALUE);
    }

    /**
     * The matching articles from the {@code skip}-th on, at most {@code limit}: one page, copied (only the page, so
     * that answering a page costs the same whatever the size of the catalogue).
     */
    synchronized List<ObjectNode> articles(Predicate<ObjectNode> filter, Predicate<LocalDateTime> modifiedWithin,
            int skip, int limit) {
        List<ObjectNode> found = new ArrayList<>();
        int matched = 0;
        for (Map.Entry<Integer, ObjectNode> entry : articles.entrySet()) {
            if (found.size() >= limit) {
                break;
            }
            if (filter.test(entry.getValue()) && modifiedWithin.test(modified.get(entry.getKey())) && matched++ >= skip) {
                found.add(entry.getValue().deepCopy());
            }
        }
        return found;
    }

    /** The error of creating {@code article}, or null once created. */
    synchronized String create(JsonNode article) {
        String invalid = invalid(article);
        if (invalid != null) {
            return invalid;
        }
        String codigo = article.get("codigo").asString();
        if (idOf(codigo) != null) {
            return "el articulo con codigo " + codigo + " ya existe";
        }
        ObjectNode stored = ((ObjectNode) article).deepCopy();
        int id = nextId++;
        stored.put("id", id);
        articles.put(id, stored);
        ids.put(codigo, id);
        modified.put(id, now());
        created++;
        return null;
    }

    /** The error of modifying the article {@code article} names by {@code id}, or null once modified. */
    synchronized String update(JsonNode article) {
        JsonNode id = article.get("id");
        if (id == null || !id.canConvertToInt()) {
            return "el campo id es requerido";
        }
        if (!articles.containsKey(id.asInt())) {
            return "no existe un articulo con id " + id.asInt();
        }
        String invalid = invalid(article);
        if (invalid != null) {
            return invalid;
        }
        Integer owner = idOf(article.get("codigo").asString());
        if (owner != null && owner != id.asInt()) {
            return "el codigo " + article.get("codigo").asString() + " pertenece al articulo " + owner;
        }
        ObjectNode before = articles.put(id.asInt(), ((ObjectNode) article).deepCopy());
        ids.remove(before.path("codigo").asString(""));
        ids.put(article.get("codigo").asString(), id.asInt());
        modified.put(id.asInt(), now());
        updated++;
        return null;
    }

    /** For the demo: merges {@code fields} into the article {@code codigo} (created when missing) and dates it now. */
    synchronized ObjectNode change(String codigo, ObjectNode fields, JsonMapper json) {
        Integer id = idOf(codigo);
        ObjectNode article = id == null ? template(codigo, json) : articles.get(id);
        if (id == null) {
            id = nextId++;
            article.put("id", id);
            articles.put(id, article);
            ids.put(codigo, id);
        }
        article.setAll(fields);
        article.put("codigo", codigo);
        article.put("id", id);
        modified.put(id, now());
        return article.deepCopy();
    }

    synchronized boolean remove(String codigo) {
        Integer id = idOf(codigo);
        if (id == null) {
            return false;
        }
        articles.remove(id);
        modified.remove(id);
        ids.remove(codigo);
        return true;
    }

    synchronized void balance(String codigo, String bodega, BigDecimal saldo) {
        stock.computeIfAbsent(codigo, c -> new TreeMap<>()).put(bodega, saldo);
    }

    /** Every balance, as {@code SaldoInventario} answers it, of warehouse {@code bodega} (null: every warehouse). */
    synchronized List<Map<String, Object>> balances(String bodega) {
        List<Map<String, Object>> lines = new ArrayList<>();
        stock.forEach((codigo, byBodega) -> byBodega.forEach((idBodega, saldo) -> {
            if (bodega == null || bodega.equals(idBodega)) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("idArticulo", idOf(codigo));
                line.put("codigo", codigo);
                line.put("idBodega", Integer.valueOf(idBodega));
                line.put("saldo", saldo);
                lines.add(line);
            }
        }));
        return lines;
    }

    synchronized Map<String, Object> counts() {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("articles", articles.size());
        counts.put("stockLines", stock.values().stream().mapToInt(Map::size).sum());
        counts.put("created", created);
        counts.put("updated", updated);
        return counts;
    }

    synchronized void reset() {
        articles.clear();
        modified.clear();
        ids.clear();
        stock.clear();
        nextId = 1;
        created = 0;
        updated = 0;
    }

    private Integer idOf(String codigo) {
        return ids.get(codigo);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    /** "Campos del request": every required field present with its type; never more lenient than the document. */
    private static String invalid(JsonNode article) {
        if (!article.isObject()) {
            return "cada articulo debe ser un objeto";
        }
        for (Map.Entry<String, String> field : REQUIRED.entrySet()) {
            JsonNode value = article.get(field.getKey());
            boolean ok = value != null && switch (field.getValue()) {
                case "int" -> value.isIntegralNumber();
                case "bool" -> value.isBoolean();
                default -> value.isString() && !value.asString().isBlank();
            };
            if (!ok) {
                return "el campo " + field.getKey() + " es requerido (" + field.getValue() + ")";
            }
        }
        return null;
    }

    private static ObjectNode template(String codigo, JsonMapper json) {
        ObjectNode article = json.createObjectNode();
        article.put("codigo", codigo);
        article.put("descripcion", codigo);
        for (String id : List.of("idgrupocontable", "idlinea", "idcategoria", "idpresentacion", "idmarca",
                "idunidadmedida")) {
            article.put(id, 1);
        }
        article.put("activo", true);
        return article;
    }
}
