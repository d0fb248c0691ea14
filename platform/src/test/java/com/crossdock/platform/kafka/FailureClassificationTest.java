package com.crossdock.platform.kafka;

import com.crossdock.platform.serde.SchemaUnavailableException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;

import static org.assertj.core.api.Assertions.assertThat;

class FailureClassificationTest {

    private static final SchemaUnavailableException SCHEMA_UNKNOWN =
            new SchemaUnavailableException(7, "writer schema 7 unavailable: schema registry answered 404", null);

    @Test
    void aSchemaNotThereYetIsTransientWhereverItIsInTheChain() {
        assertThat(KafkaConventionsConfiguration.isTransient(SCHEMA_UNKNOWN)).isTrue();
        assertThat(KafkaConventionsConfiguration.isTransient(
                new ListenerExecutionFailedException("listener failed", SCHEMA_UNKNOWN))).isTrue();
        assertThat(KafkaConventionsConfiguration.isTransient(new ListenerExecutionFailedException("listener failed",
                new DeserializationException("failed to deserialize", new byte[] {0, 0, 0, 0, 7}, false,
                        SCHEMA_UNKNOWN)))).isTrue();
        assertThat(KafkaConventionsConfiguration.isTransient(
                new PoisonRecordException("wrapped by an older codec", SCHEMA_UNKNOWN))).isTrue();
    }

    @Test
    void aRecordThatCanNeverDecodeIsPermanent() {
        SerializationException badMagic = new SerializationException("not the Confluent Avro wire format: unknown magic byte 19");

        assertThat(KafkaConventionsConfiguration.isTransient(
                new PoisonRecordException("undeserializable record", badMagic))).isFalse();
        assertThat(KafkaConventionsConfiguration.isTransient(new ListenerExecutionFailedException("listener failed",
                new DeserializationException("failed to deserialize", new byte[] {19}, false, badMagic)))).isFalse();
    }

    @Test
    void anUnclassifiedFailureIsTransient() {
        assertThat(KafkaConventionsConfiguration.isTransient(new IllegalStateException("vendor unavailable (503)"))).isTrue();
    }
}
