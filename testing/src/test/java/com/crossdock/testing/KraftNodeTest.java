package com.crossdock.testing;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class KraftNodeTest {

    @Test
    void formatsWithAClusterIdThatStartsWithADash(@TempDir Path directory) throws Exception {
        // one random id in 64 starts with '-': the storage tool once read it as an unknown option and failed
        String clusterId = "-" + Uuid.randomUuid().toString().substring(1);
        Path config = KraftNode.writeConfig(directory, KraftNode.freePort(), KraftNode.freePort());

        KraftNode.format(directory, config, clusterId);

        assertThat(Files.readString(directory.resolve("data").resolve("meta.properties")))
                .contains("cluster.id=" + clusterId);
    }

    @RepeatedTest(3)
    void formatsAFreshDirectory(@TempDir Path directory) throws Exception {
        Path config = KraftNode.writeConfig(directory, KraftNode.freePort(), KraftNode.freePort());

        KraftNode.format(directory, config);

        assertThat(directory.resolve("data").resolve("meta.properties")).exists();
    }
}
