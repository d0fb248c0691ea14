package com.crossdock.platform.serde;

import java.util.Map;

/**
 * The serde's settings, under Confluent's own configuration keys so that a deployment that can reach
 * Confluent's artifacts can swap in {@code KafkaAvroSerializer}/{@code KafkaAvroDeserializer} by configuration.
 */
record AvroSerdeConfig(String registryUrl, boolean autoRegister, boolean useLatestVersion, boolean specificReader) {

    static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    static final String USE_LATEST_VERSION = "use.latest.version";
    static final String SPECIFIC_AVRO_READER = "specific.avro.reader";

    static AvroSerdeConfig from(Map<String, ?> configs) {
        Object url = configs.get(SCHEMA_REGISTRY_URL);
        if (url == null || url.toString().isBlank()) {
            throw new IllegalArgumentException("Missing required configuration \"" + SCHEMA_REGISTRY_URL + "\"");
        }
        return new AvroSerdeConfig(url.toString().split(",")[0].trim(),
                flag(configs, AUTO_REGISTER_SCHEMAS, true),
                flag(configs, USE_LATEST_VERSION, false),
                flag(configs, SPECIFIC_AVRO_READER, false));
    }

    private static boolean flag(Map<String, ?> configs, String key, boolean fallback) {
        Object value = configs.get(key);
        return value == null ? fallback : Boolean.parseBoolean(value.toString());
    }
}
