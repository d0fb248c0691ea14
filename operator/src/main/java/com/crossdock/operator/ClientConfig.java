package com.crossdock.operator;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The client settings of {@code --command-config FILE}, a Java properties file as Kafka's own tools take
 * ({@code kafka-topics.sh --command-config}): the Kafka client's ({@code security.protocol}, {@code sasl.mechanism},
 * {@code sasl.jaas.config}, {@code ssl.truststore.location}, ...) given to every consumer, producer and admin client
 * the operator makes, and the schema registry client's under Confluent's keys ({@code basic.auth.*},
 * {@code bearer.auth.*}, {@code schema.registry.ssl.truststore.*}). The same keys the services take under
 * {@code spring.kafka.properties.*}.
 */
record ClientConfig(Map<String, Object> settings) {

    static final ClientConfig NONE = new ClientConfig(Map.of());

    static ClientConfig read(Path file) {
        if (file == null) {
            return NONE;
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new OperatorException(ExitCodes.USAGE, "cannot read --command-config " + file + ": " + e);
        }
        Map<String, Object> settings = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> settings.put(key, properties.getProperty(key).strip()));
        return new ClientConfig(Map.copyOf(settings));
    }

    /** The settings, never printed: {@code sasl.jaas.config} and the registry's credentials are secrets. */
    @Override
    public String toString() {
        return "ClientConfig" + settings.keySet();
    }
}
