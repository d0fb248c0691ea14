package com.crossdock.platform.vendor.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.crossdock.platform.vendor.VendorPolicies;
import com.crossdock.platform.vendor.VendorPolicyConfiguration;
import com.crossdock.testkit.FakeVendor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

class VendorClientConfigurationTest {

    private final FakeVendor vendor = new FakeVendor();
    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ReactiveHttpClientAutoConfiguration.class,
                    WebClientAutoConfiguration.class))
            .withUserConfiguration(VendorPolicyConfiguration.class, VendorClientConfiguration.class)
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    @AfterEach
    void stopVendor() {
        vendor.close();
    }

    @Test
    void buildsEachClientOnBootsWebClientBuilderWithTheVendorsSettingsAndPolicy() {
        context.withBean(WebClientCustomizer.class, () -> builder -> builder.defaultHeader("X-Service", "poller"))
                .withPropertyValues("crossdock.vendors.paqtana.base-url=" + vendor.baseUrl() + "/paqtana",
                        "crossdock.vendors.paqtana.auth.style=bearer", "crossdock.vendors.paqtana.auth.token=tok-7")
                .run(started -> {
                    VendorClients clients = started.getBean(VendorClients.class);
                    VendorClient paqtana = clients.client("paqtana");

                    paqtana.exchange("getWorkspaces", web -> web.get().uri("/v2/org/demo/workspaces"), String.class)
                            .block(Duration.ofSeconds(10));

                    FakeVendor.Received request = vendor.received().get(0);
                    assertThat(request.path()).isEqualTo("/paqtana/v2/org/demo/workspaces");
                    assertThat(request.header("X-Service")).as("Boot's customizers apply").isEqualTo("poller");
                    assertThat(request.header("Authorization")).isEqualTo("Bearer tok-7");
                    assertThat(paqtana.policy()).isSameAs(started.getBean(VendorPolicies.class).forVendor("paqtana"));
                    assertThat(clients.client("paqtana")).as("one client, one token, per vendor").isSameAs(paqtana);
                });
    }
}
