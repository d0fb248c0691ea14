package com.crossdock.sandbox.prodsmart;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/** Wires the Prodsmart webhook signer and sender from {@code sandboxes.prodsmart.*}. */
@Configuration(proxyBeanMethods = false)
class ProdsmartSandboxConfiguration {

    @Bean
    ProdsmartWebhookSigner prodsmartWebhookSigner(ProdsmartSandboxProperties properties, ProdsmartApiProperties api) {
        // Prodsmart signs its webhooks with the company's API secret
        return new ProdsmartWebhookSigner(api.secret(), properties.signature());
    }

    @Bean
    ProdsmartWebhookSender prodsmartWebhookSender(ProdsmartWebhookSigner signer) {
        return new ProdsmartWebhookSender(WebClient.create(), signer);
    }
}
