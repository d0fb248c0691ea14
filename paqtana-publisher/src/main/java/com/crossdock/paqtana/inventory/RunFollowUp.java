package com.crossdock.paqtana.inventory;

import reactor.core.publisher.Mono;

/**
 * What a run sends right after its master-inventory PUT succeeded: the historical demand, whose last request
 * asks Paqtana to calculate (paqtana-integration-api.es.txt, Paso 6: the last endpoint of the run carries
 * {@code auto_calculate=True}). Must not fail: it deals with its own failures.
 */
@FunctionalInterface
public interface RunFollowUp {

    Mono<Void> afterMasterInventory();
}
