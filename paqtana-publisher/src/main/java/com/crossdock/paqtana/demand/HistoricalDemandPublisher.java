package com.crossdock.paqtana.demand;

import java.util.Collection;
import java.util.List;

import com.crossdock.paqtana.client.PaqtanaClient;
import com.crossdock.paqtana.inventory.MasterInventoryPublisher;
import com.crossdock.paqtana.inventory.PushDeadLetters;
import com.crossdock.paqtana.inventory.RunFollowUp;
import com.crossdock.paqtana.view.DemandKey;
import com.crossdock.paqtana.view.InventoryView;
import com.crossdock.platform.vendor.VendorCallException;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The historical demand of a run, sent right after the run's master-inventory PUT: the current total of every day
 * and item whose total changed since the last run, over all orders. Totals, never deltas, since a resent day/item
 * replaces the earlier value (paqtana-integration-api.es.txt, Paso 5); so a resend changes nothing. The requests of
 * a run go in order and only the last asks Paqtana to calculate ({@code auto_calculate=True}, Paso 6): once per
 * run, not per order. A run that fails transiently gives its days back for the next run; one Paqtana refuses (4xx
 * other than 408/429) is a dead letter with Paqtana's {@code operation_info}, not retried.
 */
public final class HistoricalDemandPublisher implements RunFollowUp {

    static final String OPERATION = "historical_demand";
    private static final Logger log = LoggerFactory.getLogger(HistoricalDemandPublisher.class);

    private final InventoryView view;
    private final PaqtanaClient client;
    private final DemandChunker chunker;
    private final PushDeadLetters deadLetters;
    private final MeterRegistry meters;

    HistoricalDemandPublisher(InventoryView view, PaqtanaClient client, DemandChunker chunker,
            PushDeadLetters deadLetters, MeterRegistry meters) {
        this.view = view;
        this.client = client;
        this.chunker = chunker;
        this.deadLetters = deadLetters;
        this.meters = meters;
    }

    @Override
    public Mono<Void> afterMasterInventory() {
        return Mono.defer(() -> {
            List<DemandKey> keys = view.takeDirtyDemand();
            if (keys.isEmpty()) {
                return count("nothing_to_send");
            }
            List<DemandRow> rows = DemandRow.of(view.demandTotals(keys), view::workspace);
            return send(rows)
                    .then(Mono.fromRunnable(() -> {
                        meters.counter("crossdock.paqtana.historical_demand.days_sent").increment(keys.size());
                        log.info("Historical demand sent: {} days of {} items", keys.size(), rows.size());
                    }))
                    .then(count("success"))
                    .onErrorResume(MasterInventoryPublisher::refusedByPaqtana, e -> refused((VendorCallException) e, rows.size()))
                    .onErrorResume(e -> failed(e, keys));
        });
    }

    private Mono<Void> send(List<DemandRow> rows) {
        return Mono.defer(() -> Flux.fromIterable(chunker.requests(rows))
                .concatMap(request -> client.postHistoricalDemand(request.payload(), request.autoCalculate()))
                .then());
    }

    private Mono<Void> refused(VendorCallException failure, int rows) {
        log.error("Historical demand refused by Paqtana ({}): dead-lettered, not retried", failure.getMessage());
        return count("refused").then(deadLetters.refused(OPERATION, failure, rows));
    }

    private Mono<Void> failed(Throwable failure, Collection<DemandKey> keys) {
        view.markDemandDirty(keys);
        log.warn("Historical demand not sent ({}); its {} days go with the next run", failure.getMessage(), keys.size());
        return count("failure");
    }

    private Mono<Void> count(String outcome) {
        return Mono.fromRunnable(() -> meters.counter("crossdock.paqtana.historical_demand.runs", "outcome", outcome)
                .increment());
    }
}
