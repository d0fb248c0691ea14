package com.crossdock.sandbox.fault;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FaultRegistryTest {

    private final FaultRegistry registry = new FaultRegistry();

    @Test
    void theMostSpecificPrefixGovernsARequest() {
        registry.set("suppliers", new FaultSpec(500, null, null, null, null, null));
        registry.set("suppliers/omega", new FaultSpec(503, null, null, null, null, null));

        assertThat(registry.take("/suppliers/omega/price")).hasValueSatisfying(f -> assertThat(f.status()).isEqualTo(503));
        assertThat(registry.take("/suppliers/elit/price")).hasValueSatisfying(f -> assertThat(f.status()).isEqualTo(500));
    }

    @Test
    void aPrefixMatchesWholeSegmentsOnly() {
        registry.set("paqtana", new FaultSpec(503, null, null, null, null, null));

        assertThat(registry.take("/paqtana-v3/anything")).isEmpty();
        assertThat(registry.take("/paqtana/v2/org/demo/workspaces")).isPresent();
    }

    @Test
    void aCountedFaultDisappearsOnceUsedUp() {
        registry.set("paqtana", new FaultSpec(503, 2, null, null, null, null));

        assertThat(registry.take("/paqtana/x")).isPresent();
        assertThat(registry.list().get("paqtana").remaining()).isEqualTo(1);
        assertThat(registry.take("/paqtana/x")).isPresent();
        assertThat(registry.take("/paqtana/x")).isEmpty();
        assertThat(registry.list()).isEmpty();
    }

    @Test
    void aFaultForOneMethodLeavesTheOthersAloneAndKeepsItsCount() {
        registry.set("optimakers/api/orders", new FaultSpec(503, 1, null, null, null, null, null, "POST"));

        assertThat(registry.take("GET", "/optimakers/api/orders")).as("the lookup before a create").isEmpty();
        assertThat(registry.list().get("optimakers/api/orders").remaining()).isEqualTo(1);
        assertThat(registry.take("POST", "/optimakers/api/orders")).hasValueSatisfying(f -> assertThat(f.status()).isEqualTo(503));
        assertThat(registry.list()).isEmpty();
    }
}
