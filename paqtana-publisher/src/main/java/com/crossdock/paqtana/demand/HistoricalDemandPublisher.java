package com.crossdock.paqtana.demand;

import java.util.Collection;
import java.util.List;

import com.crossdock.paqtana.client.PaqtanaClient;
import com.crossdock.paqtana.view.DemandKey;
import com.crossdock.paqtana.view.InventoryView;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sends Paqtana the current total of each given day and item, over all orders: totals, never deltas, since a
 * resent day/item replaces the earlier value (paqtana-integration-api.es.txt, Paso 5); so a duplicate or a
 * replay sends the same totals again and changes nothing. One run = the requests of one call, in order; the
 * last asks Paqtana to calculate.
 */
public final class HistoricalDemandPublisher {

    private final InventoryView view;
    private final PaqtanaClient client;
    private final DemandChunker chunker;
    private final MeterRegistry meters;

    HistoricalDemandPublisher(InventoryView view, PaqtanaClient client, DemandChunker chunker, MeterRegistry meters) {
        this.view = view;
        this.client = client;
        this.chunker = chunker;
        this.meters = meters;
    }

    public Mono<Void> publish(Collection<DemandKey> keys) {
        return Mono.defer(() -> {
            if (keys.isEmpty()) {
                return Mono.empty();
            }
            List<DemandRow> rows = DemandRow.of(view.demandTotals(keys));
            List<DemandRequest> requests = chunker.requests(rows);
            return Flux.fromIterable(requests)
                    .concatMap(request -> client.postHistoricalDemand(request.payload(), request.autoCalculate()))
                    .then(Mono.fromRunnable(() -> meters.counter("crossdock.paqtana.historical_demand.days_sent")
                            .increment(keys.size())));
        });
    }
}
