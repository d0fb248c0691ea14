package com.crossdock.paqtana.client;

import reactor.core.publisher.Mono;

/**
 * Paqtana's integration API v2 (paqtana-integration-api.es.txt, Paso 5): the two endpoints Paqtana recommends.
 * Failures end as the vendor policy's {@code VendorCallException} (transient or not, with Paqtana's status and
 * answer for a dead letter), or as {@link PayloadTooLargeException} before anything is sent.
 */
public interface PaqtanaClient {

    /** {@code PUT /v2/org/{org}/master_inventory}: replaces all master inventory held before. */
    Mono<Void> putMasterInventory(JsonPayload payload);

    /**
     * {@code POST /v2/org/{org}/historical_demand[?auto_calculate=True]}: merged per day and item; a resent
     * day/item replaces the earlier value.
     */
    Mono<Void> postHistoricalDemand(JsonPayload payload, boolean autoCalculate);
}
