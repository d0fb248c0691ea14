package com.crossdock.vendor.serpi;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The tables that give the ids SERPI requires to create an article ({@code crossdock.serpi.mapping.*};
 * serpi-articulos-api.es.txt, "API Crear(POST)": idgrupocontable, idlinea, idcategoria, idpresentacion, idmarca and
 * idunidadmedida are "Requerido: SI"). Crossdock's articles carry none of these ids, so they come from here; an
 * article whose ids cannot be found is a dead letter that names the missing entry. Keys (units, material types) are
 * matched ignoring case: an environment variable ({@code CROSSDOCK_SERPI_MAPPING_UNITS_UN}) carries none.
 *
 * @param units               SERPI's unit id per canonical unit of measure ({@code units.UN=3}): a created or
 *                            modified article's {@code idunidadmedida}, and the other way round, the
 *                            {@code unitOfMeasure} of an article read from SERPI
 * @param materialTypes       the classification ids per canonical material type ({@code material-types.RAW.line=1}):
 *                            accounting group, line, category, presentation and brand of a created article
 * @param defaultMaterialType the entry of {@code material-types} for an article without a material type; empty
 *                            (the default): such an article cannot be created
 */
@ConfigurationProperties("crossdock.serpi.mapping")
public record SerpiMapping(Map<String, Integer> units, Map<String, CreateIds> materialTypes,
        @DefaultValue("") String defaultMaterialType) {

    public SerpiMapping {
        units = units == null ? Map.of() : Map.copyOf(new TreeMap<>(units));
        materialTypes = materialTypes == null ? Map.of() : Map.copyOf(new TreeMap<>(materialTypes));
        defaultMaterialType = defaultMaterialType == null ? "" : defaultMaterialType.trim();
    }

    /** No tables: no article can be created. */
    public static SerpiMapping empty() {
        return new SerpiMapping(Map.of(), Map.of(), "");
    }

    /** SERPI's unit id of canonical unit {@code unitOfMeasure} (case ignored); empty when no entry names it. */
    public Optional<Integer> unitId(String unitOfMeasure) {
        return entry(units, unitOfMeasure);
    }

    /** The create ids of {@code materialType} (case ignored); empty when no entry names it. */
    public Optional<CreateIds> createIds(String materialType) {
        return entry(materialTypes, materialType);
    }

    private static <T> Optional<T> entry(Map<String, T> table, String key) {
        if (key == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(table.get(key)).or(() -> table.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(key)).map(Map.Entry::getValue).findFirst());
    }

    /** The canonical unit of SERPI unit id {@code idunidadmedida}; empty when no entry names it. */
    public Optional<String> unitOf(int idunidadmedida) {
        return units.entrySet().stream().filter(e -> e.getValue() == idunidadmedida).map(Map.Entry::getKey)
                .findFirst();
    }

    /**
     * The create ids of one material type ({@code crossdock.serpi.mapping.material-types.<type>.*}).
     *
     * @param accountingGroup {@code idgrupocontable}
     * @param line            {@code idlinea}
     * @param category        {@code idcategoria}
     * @param presentation    {@code idpresentacion}
     * @param brand           {@code idmarca}
     */
    public record CreateIds(Integer accountingGroup, Integer line, Integer category, Integer presentation,
            Integer brand) {
    }
}
