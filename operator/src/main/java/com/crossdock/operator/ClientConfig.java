package com.crossdock.operator;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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

    /** The variables of the registry's credentials a service takes too (its spring.kafka.properties.basic.auth.*, ...). */
    static final List<String> REGISTRY_CREDENTIAL_VARIABLES = List.of(
            "SPRING_KAFKA_PROPERTIES_BASIC_AUTH_CREDENTIALS_SOURCE", "SPRING_KAFKA_PROPERTIES_BASIC_AUTH_USER_INFO",
            "SPRING_KAFKA_PROPERTIES_BEARER_AUTH_CREDENTIALS_SOURCE", "SPRING_KAFKA_PROPERTIES_BEARER_AUTH_TOKEN");
    private static final String SPRING_KAFKA_PROPERTIES = "SPRING_KAFKA_PROPERTIES_";

    static ClientConfig read(Path file) {
        return read(file, Map.of());
    }

    /**
     * The settings of {@code file} (none when null), and the registry's credentials from the services' variables of
     * {@code environment} ({@link #REGISTRY_CREDENTIAL_VARIABLES}, {@code SPRING_KAFKA_PROPERTIES_BASIC_AUTH_USER_INFO}
     * -> {@code basic.auth.user.info}) where the file does not set them: a Job gives the operator a registry's
     * credentials from the Secret and ConfigMap keys the services read, as it gives it the registry's URL.
     */
    static ClientConfig read(Path file, Map<String, String> environment) {
        Map<String, Object> settings = new TreeMap<>();
        for (String variable : REGISTRY_CREDENTIAL_VARIABLES) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                settings.put(variable.substring(SPRING_KAFKA_PROPERTIES.length()).toLowerCase(Locale.ROOT).replace('_', '.'),
                        value.strip());
            }
        }
        if (file == null) {
            return settings.isEmpty() ? NONE : new ClientConfig(Map.copyOf(settings));
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new OperatorException(ExitCodes.USAGE, "cannot read --command-config " + file + ": " + e);
        }
        properties.stringPropertyNames().forEach(key -> settings.put(key, properties.getProperty(key).strip()));
        return new ClientConfig(Map.copyOf(settings));
    }

    /** The settings, never printed: {@code sasl.jaas.config} and the registry's credentials are secrets. */
    @Override
    public String toString() {
        return "ClientConfig" + settings.keySet();
    }
}
