package com.crossdock.operator;

import java.time.Duration;

import org.springframework.boot.convert.DurationStyle;
import picocli.CommandLine.Option;

/** Where the broker and the schema registry are, and how long to wait for them. */
final class ConnectionOptions {

    @Option(names = "--bootstrap-servers", defaultValue = "${env:CROSSDOCK_BOOTSTRAP_SERVERS:-localhost:9092}",
            description = "Kafka bootstrap servers (env CROSSDOCK_BOOTSTRAP_SERVERS, default ${DEFAULT-VALUE})")
    String bootstrapServers;

    @Option(names = "--registry-url", defaultValue = "${env:CROSSDOCK_REGISTRY_URL}",
            description = "Schema registry URL, to decode Avro values as JSON (env CROSSDOCK_REGISTRY_URL)")
    String registryUrl;

    @Option(names = "--timeout", defaultValue = "10s", converter = DurationConverter.class,
            description = "How long to wait for the broker or the registry, e.g. 10s, 500ms (default ${DEFAULT-VALUE})")
    Duration timeout;

    KafkaAccess kafka() {
        return new KafkaAccess(bootstrapServers, timeout);
    }

    ValueDecoder decoder() {
        return ValueDecoder.forRegistry(registryUrl, timeout);
    }

    static final class DurationConverter implements picocli.CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return DurationStyle.detectAndParse(value);
        }
    }
}
