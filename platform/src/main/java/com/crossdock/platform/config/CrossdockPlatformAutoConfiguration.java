package com.crossdock.platform.config;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import com.crossdock.platform.events.Envelopes;
import com.crossdock.platform.events.EventPublisher;
import com.crossdock.platform.kafka.ConsumerGroup;
import com.crossdock.platform.kafka.CrossdockKafkaProperties;
import com.crossdock.platform.kafka.EventCodec;
import com.crossdock.platform.kafka.KafkaConventionsConfiguration;
import com.crossdock.platform.kafka.TopicDeclarations;
import com.crossdock.platform.vendor.VendorPolicyConfiguration;
import com.crossdock.platform.vendor.client.VendorClientConfiguration;
import com.crossdock.platform.web.AdminProperties;
import com.crossdock.platform.web.AdminTokenFilter;
import com.crossdock.platform.web.CorrelationIdFilter;
import com.crossdock.platform.web.ProblemDetailsHandler;
import org.apache.kafka.common.serialization.Deserializer;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;

/** What every Crossdock service gets by depending on {@code platform}. */
@AutoConfiguration(beforeName = "org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration")
@EnableConfigurationProperties(CrossdockKafkaProperties.class)
@PropertySource("classpath:crossdock-platform-defaults.properties")
@Import({KafkaConventionsConfiguration.class, VendorPolicyConfiguration.class, VendorClientConfiguration.class})
public class CrossdockPlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Envelopes envelopes(Clock clock) {
        return new Envelopes(clock);
    }

    @Bean
    EventPublisher eventPublisher(KafkaTemplate<Object, Object> template) {
        return new EventPublisher(template);
    }

    @Bean
    @SuppressWarnings("unchecked")
    EventCodec eventCodec(KafkaProperties kafka, CrossdockKafkaProperties properties) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put("specific.avro.reader", "true");
        Deserializer<Object> deserializer = (Deserializer<Object>) BeanUtils.instantiateClass(properties.eventDeserializer());
        deserializer.configure(config, false);
        return new EventCodec(deserializer);
    }

    @Bean
    TopicDeclarations topicDeclarations(CrossdockKafkaProperties properties) {
        return new TopicDeclarations(properties);
    }

    @Bean
    KafkaAdmin.NewTopics canonicalTopics(TopicDeclarations topics) {
        return topics.canonical();
    }

    /** The retry and dead-letter topics of every consumer group the service declares (a ConsumerGroup bean). */
    @Bean
    KafkaAdmin.NewTopics consumerGroupTopics(TopicDeclarations topics, ObjectProvider<ConsumerGroup> groups) {
        return topics.consumerGroups(groups.orderedStream().toList());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @EnableConfigurationProperties(AdminProperties.class)
    static class Web {

        /** Every {@code /admin/} route of every service asks for {@code crossdock.admin.token}. */
        @Bean
        AdminTokenFilter adminTokenFilter(AdminProperties properties) {
            return new AdminTokenFilter(properties);
        }

        @Bean
        CorrelationIdFilter correlationIdFilter() {
            return new CorrelationIdFilter();
        }

        @Bean
        @ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
        ProblemDetailsHandler problemDetailsHandler() {
            return new ProblemDetailsHandler();
        }
    }
}
