package com.crossdock.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.crossdock.platform.retry.Backoff;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class CrossdockKafkaPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(CrossdockKafkaProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Properties.class);

    @Test
    void listenerRetriesTakeTheBackoffVocabularyAndKeepTheDefaultsTheyDoNotName() {
        runner.withPropertyValues("crossdock.kafka.retry.max-attempts=3", "crossdock.kafka.retry.jitter=0.1")
                .run(context -> assertThat(context.getBean(CrossdockKafkaProperties.class).retry())
                        .isEqualTo(new Backoff(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30), 0.1, 3)));
        runner.run(context -> assertThat(context.getBean(CrossdockKafkaProperties.class).retry())
                .isEqualTo(CrossdockKafkaProperties.RETRY_DEFAULTS));
    }

    @Test
    void refusesListenerRetriesWithoutEnd() {
        runner.withPropertyValues("crossdock.kafka.retry.max-attempts=0").run(context -> assertThat(context)
                .getFailure().rootCause().hasMessageContaining("crossdock.kafka.retry.max-attempts must be at least 1"));
    }
}
