package com.crossdock.operator;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.convert.DurationStyle;
import picocli.CommandLine.Option;

/**
 * Where the broker and the schema registry are, and how long to wait for them. The defaults come from the same
 * environment variables the services read ({@code spring.kafka.bootstrap-servers} and
 * {@code spring.kafka.properties.schema.registry.url} in relaxed form), so the operator run next to a service, or as
 * a Job from the services' ConfigMap, finds the same cluster without options.
 */
final class ConnectionOptions {

    static final String BOOTSTRAP_SERVERS_ENV = "SPRING_KAFKA_BOOTSTRAP_SERVERS";
    static final String REGISTRY_URL_ENV = "SPRING_KAFKA_PROPERTIES_SCHEMA_REGISTRY_URL";
    static final String COMMAND_CONFIG_ENV = "CROSSDOCK_OPERATOR_COMMAND_CONFIG";

    @Option(names = "--bootstrap-servers", defaultValue = "${env:" + BOOTSTRAP_SERVERS_ENV + ":-localhost:9092}",
            description = "Kafka bootstrap servers (env " + BOOTSTRAP_SERVERS_ENV + ", as the services; default ${DEFAULT-VALUE})")
    String bootstrapServers;

    @Option(names = "--registry-url", defaultValue = "${env:" + REGISTRY_URL_ENV + "}",
            description = "Schema registry URL, to decode Avro values as JSON (env " + REGISTRY_URL_ENV + ", as the services)")
    String registryUrl;

    @Option(names = "--command-config", defaultValue = "${env:" + COMMAND_CONFIG_ENV + "}", paramLabel = "FILE",
            description = "Client settings for a secured cluster, a properties file as Kafka's tools take: security.protocol, "
                    + "sasl.*, ssl.* for Kafka; basic.auth.*, bearer.auth.*, schema.registry.ssl.truststore.* for the registry "
                    + "(env " + COMMAND_CONFIG_ENV + ")")
    Path commandConfig;

    @Option(names = "--timeout", defaultValue = "10s", converter = DurationConverter.class,
            description = "How long to wait for the broker or the registry, e.g. 10s, 500ms (default ${DEFAULT-VALUE})")
    Duration timeout;

    KafkaAccess kafka() {
        return new KafkaAccess(bootstrapServers, clientConfig(), timeout);
    }

    ValueDecoder decoder() {
        return ValueDecoder.forRegistry(registryUrl, clientConfig(), timeout);
    }

    ClientConfig clientConfig() {
        return ClientConfig.read(commandConfig, System.getenv());
    }

    /** These options as arguments, for the commands the admin API runs on the operator's behalf. */
    java.util.List<String> asArguments() {
        java.util.List<String> arguments = new java.util.ArrayList<>(java.util.List.of("--bootstrap-servers=" + bootstrapServers,
                "--timeout=" + timeout.toMillis() + "ms"));
        if (registryUrl != null) {
            arguments.add("--registry-url=" + registryUrl);
        }
        if (commandConfig != null) {
            arguments.add("--command-config=" + commandConfig);
        }
        return arguments;
    }

    static final class DurationConverter implements picocli.CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return DurationStyle.detectAndParse(value);
        }
    }
}
