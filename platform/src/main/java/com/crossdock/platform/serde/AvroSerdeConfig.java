package com.crossdock.platform.serde;

import java.util.Map;

/**
 * The serde's settings, under Confluent's own configuration keys so that a deployment that can reach
 * Confluent's artifacts can swap in {@code KafkaAvroSerializer}/{@code KafkaAvroDeserializer} by configuration.
 */
record AvroSerdeConfig(RegistryClientSettings registry, boolean autoRegister, boolean useLatestVersion, boolean specificReader) {

    static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    static final String USE_LATEST_VERSION = "use.latest.version";
    static final String SPECIFIC_AVRO_READER = "specific.avro.reader";

    /** @throws IllegalArgumentException when a registry setting is missing or unsupported ({@link RegistryClientSettings}) */
    static AvroSerdeConfig from(Map<String, ?> configs) {
        return new AvroSerdeConfig(RegistryClientSettings.from(configs),
                flag(configs, AUTO_REGISTER_SCHEMAS, true),
                flag(configs, USE_LATEST_VERSION, false),
                flag(configs, SPECIFIC_AVRO_READER, false));
    }

    private static boolean flag(Map<String, ?> configs, String key, boolean fallback) {
        Object value = configs.get(key);
        return value == null ? fallback : Boolean.parseBoolean(value.toString());
    }
}
