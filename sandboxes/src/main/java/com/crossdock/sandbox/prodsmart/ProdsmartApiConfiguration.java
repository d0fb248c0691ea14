package com.crossdock.sandbox.prodsmart;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the Prodsmart API sandbox (authorization, change feeds, lists, rate limit) from {@code sandboxes.prodsmart.api.*}. */
@Configuration(proxyBeanMethods = false)
class ProdsmartApiConfiguration {

    @Bean
    ProdsmartRateLimit prodsmartRateLimit(ProdsmartApiProperties properties) {
        return new ProdsmartRateLimit(Clock.systemUTC(), properties.rateLimit(), properties.ratePeriod());
    }

    @Bean
    ProdsmartTokens prodsmartTokens(ProdsmartApiProperties properties) {
        return new ProdsmartTokens(Clock.systemUTC(), properties.tokenLife());
    }

    @Bean
    ProdsmartChangeFeed prodsmartChangeFeed(ProdsmartApiProperties properties) {
        return new ProdsmartChangeFeed(Clock.systemUTC(), properties.feedRetention());
    }

    @Bean
    ProdsmartResources prodsmartResources() {
        return new ProdsmartResources();
    }
}
