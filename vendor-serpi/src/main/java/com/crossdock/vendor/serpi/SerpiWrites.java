package com.crossdock.vendor.serpi;

import java.math.BigDecimal;
import java.util.Map;

import com.crossdock.events.ArticleUpserted;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * SERPI's one canonical mapping, outbound: an {@code ArticleUpserted} of another source to the article body of
 * {@code POST Articulo} (create) or {@code PUT Articulo} (modify, with SERPI's {@code id}); serpi-articulos-api.es.txt,
 * "API Crear(POST)" and "API Modificar(PUT)". A create needs every field the document marks "Requerido: SI"; the ids
 * Crossdock's articles do not carry come from {@link SerpiMapping}, and what cannot be found is an
 * {@link UnmappableArticleException} naming the missing entry. A modify starts from SERPI's own article as last read
 * and changes only the facts the event states, so SERPI keeps its classification.
 */
public final class SerpiWrites {

    private final SerpiMapping mapping;
    private final JsonMapper json;

    public SerpiWrites(SerpiMapping mapping, JsonMapper json) {
        this.mapping = mapping;
        this.json = json;
    }

    /** The body of a create; throws {@link UnmappableArticleException} naming what is missing. */
    public ObjectNode create(ArticleUpserted article) {
        String code = article.getCode();
        if (article.getDescription() == null || article.getDescription().isBlank()) {
            throw new UnmappableArticleException(code, "it has no description (SERPI requires descripcion)");
        }
        String type = article.getMaterialType() != null && !article.getMaterialType().isBlank()
                ? article.getMaterialType() : mapping.defaultMaterialType();
        if (type.isEmpty()) {
            throw new UnmappableArticleException(code, "it has no materialType and "
                    + "crossdock.serpi.mapping.default-material-type is not set (SERPI requires idgrupocontable, "
                    + "idlinea, idcategoria, idpresentacion, idmarca)");
        }
        SerpiMapping.CreateIds ids = mapping.createIds(type).orElse(null);
        String entry = "crossdock.serpi.mapping.material-types." + type;
        if (ids == null) {
            throw new UnmappableArticleException(code, "no mapping " + entry + " (SERPI requires idgrupocontable, "
                    + "idlinea, idcategoria, idpresentacion, idmarca)");
        }
        ObjectNode body = json.createObjectNode();
        body.put("codigo", code);
        body.put("descripcion", article.getDescription());
        body.put("idgrupocontable", required(code, ids.accountingGroup(), entry + ".accounting-group"));
        body.put("idlinea", required(code, ids.line(), entry + ".line"));
        body.put("idcategoria", required(code, ids.category(), entry + ".category"));
        body.put("idpresentacion", required(code, ids.presentation(), entry + ".presentation"));
        body.put("idmarca", required(code, ids.brand(), entry + ".brand"));
        body.put("idunidadmedida", unit(article));
        body.put("activo", active(article));
        facts(body, article);
        return body;
    }

    /** The body of a modify of {@code existing}, SERPI's article as last read. */
    public ObjectNode update(ArticleUpserted article, SerpiArticle existing) {
        ObjectNode body = existing.raw().deepCopy();
        body.put("id", existing.id());
        body.put("codigo", article.getCode());
        if (article.getDescription() != null && !article.getDescription().isBlank()) {
            body.put("descripcion", article.getDescription());
        }
        mapping.unitId(article.getUnitOfMeasure()).ifPresent(unit -> body.put("idunidadmedida", unit));
        body.put("activo", active(article));
        facts(body, article);
        return body;
    }

    private int unit(ArticleUpserted article) {
        if (article.getUnitOfMeasure() == null || article.getUnitOfMeasure().isBlank()) {
            throw new UnmappableArticleException(article.getCode(), "it has no unitOfMeasure (SERPI requires "
                    + "idunidadmedida)");
        }
        Integer unit = mapping.unitId(article.getUnitOfMeasure()).orElse(null);
        if (unit == null) {
            throw new UnmappableArticleException(article.getCode(), "no mapping crossdock.serpi.mapping.units."
                    + article.getUnitOfMeasure() + " (SERPI requires idunidadmedida)");
        }
        return unit;
    }

    /** Deleted or stated inactive is {@code activo:false}: SERPI's API has no delete. */
    private static boolean active(ArticleUpserted article) {
        return !article.getDeleted()
                && !"false".equalsIgnoreCase(article.getAttributes().get(SerpiEventMapper.ATTRIBUTE_ACTIVE));
    }

    private static void facts(ObjectNode body, ArticleUpserted article) {
        decimal(body, "costo", article.getUnitCost());
        decimal(body, "pedidoMinimo", article.getMinimumOrderQuantity());
        decimal(body, "multiploCompra", article.getMultipleOrderQuantity());
        if (article.getSupplyLeadTimeDays() != null) {
            body.put("dias_reposicion", article.getSupplyLeadTimeDays());
        }
        Map<String, String> attributes = article.getAttributes();
        if (attributes.containsKey(SerpiEventMapper.ATTRIBUTE_REFERENCE)) {
            body.put("referencia", attributes.get(SerpiEventMapper.ATTRIBUTE_REFERENCE));
        }
        if (attributes.containsKey(SerpiEventMapper.ATTRIBUTE_BARCODE)) {
            body.put("barras", attributes.get(SerpiEventMapper.ATTRIBUTE_BARCODE));
        }
    }

    private static void decimal(ObjectNode body, String field, BigDecimal value) {
        if (value != null) {
            body.put(field, value.stripTrailingZeros());
        }
    }

    private static int required(String code, Integer id, String setting) {
        if (id == null) {
            throw new UnmappableArticleException(code, "no mapping " + setting);
        }
        return id;
    }
}
