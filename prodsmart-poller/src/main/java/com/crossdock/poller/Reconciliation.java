package com.crossdock.poller;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import com.crossdock.platform.vendor.VendorCallException;
import com.crossdock.vendor.prodsmart.ChannelType;
import com.crossdock.vendor.prodsmart.FeedItems;
import com.crossdock.vendor.prodsmart.ItemContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A full pass over the list endpoints: every product (ArticleUpserted), its stock (StockChanged LEVEL,
 * lots included) and every open production order (ProductionOrderChanged), as snapshot events. It heals
 * what the feed lost: the feed keeps changes for 24 hours only, and a read answer lost in transit is gone.
 * Its client's calls take a permit of reconciliation's share of the budget, then the company's, so the
 * feed keeps the rest. One run at a time, on the lease holder only: a run stops at the next page
 * when the lease has passed to another instance.
 */
final class Reconciliation {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

    private final ProdsmartClient client;
    private final ItemRouter router;
    private final RecordEncoder encoder;
    private final BatchWriter writer;
    private final BooleanSupplier leaseActive;
    private final PollerProperties properties;
    private final PollerMetrics metrics;
    private final JsonMapper json;
    private final Clock clock;
    private final ExecutorService executor;
    private final AtomicBoolean running = new AtomicBoolean();

    Reconciliation(ProdsmartClient client, ItemRouter router, RecordEncoder encoder, BatchWriter writer,
                   BooleanSupplier leaseActive, PollerProperties properties, PollerMetrics metrics,
                   JsonMapper json, Clock clock, ExecutorService executor) {
        this.client = client;
        this.router = router;
        this.encoder = encoder;
        this.writer = writer;
        this.leaseActive = leaseActive;
        this.properties = properties;
        this.metrics = metrics;
        this.json = json;
        this.clock = clock;
        this.executor = executor;
    }

    /** Starts a run in the background; empty when one is running or this instance is a standby. */
    Optional<String> trigger() {
        if (!leaseActive.getAsBoolean() || !running.compareAndSet(false, true)) {
            return Optional.empty();
        }
        String runId = UUID.randomUUID().toString();
        executor.execute(() -> {
            try {
                run(runId);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException failed) {
                log.error("Prodsmart reconciliation {} failed; the next run heals what this one missed", runId, failed);
            } finally {
                running.set(false);
            }
        });
        return Optional.of(runId);
    }

    boolean isRunning() {
        return running.get();
    }

    private void run(String runId) throws InterruptedException {
        log.info("Prodsmart reconciliation {} started", runId);
        ItemContext batch = new ItemContext("reconcile", runId, 0, clock.instant());
        int products = 0;
        int orders = 0;
        List<String> withoutStock = new ArrayList<>();
        for (int page = 1; ; page++) {
            if (lostLease(runId, products, orders)) {
                return;
            }
            int current = page;
            List<JsonNode> items = read(() -> client.productsPage(current));
            List<JsonNode> stock = new ArrayList<>();
            for (JsonNode product : items) {
                String code = FeedItems.productCode(product);
                if (code != null) {
                    stockOf(code).ifPresentOrElse(stock::add, () -> withoutStock.add(code));
                }
            }
            persist("products", ChannelType.PRODUCT, items, page(batch, "products", page));
            persist("stock", ChannelType.STOCK, stock, page(batch, "stock", page));
            products += items.size();
            if (items.size() < properties.feed().pageSize()) {
                break;
            }
        }
        for (int page = 1; ; page++) {
            if (lostLease(runId, products, orders)) {
                return;
            }
            int current = page;
            List<JsonNode> items = read(() -> client.activeProductionOrdersPage(current));
            persist("production-orders", ChannelType.PRODUCTION_ORDER, items, page(batch, "orders", page));
            orders += items.size();
            if (items.size() < properties.feed().pageSize()) {
                break;
            }
        }
        metrics.reconciled("product", products);
        metrics.reconciled("production-order", orders);
        metrics.reconciled("product-without-stock", withoutStock.size());
        log.info("Prodsmart reconciliation {} done: {} products with their stock, {} of them without a stock answer {}, "
                        + "{} open production orders", runId, products, withoutStock.size(),
                withoutStock.subList(0, Math.min(10, withoutStock.size())), orders);
    }

    /**
     * The product's stock, or empty when Prodsmart answers that it has none to give (400 or 404: a product that
     * was never counted): one such product must not stop the pass over all the others. Any other failure
     * (credentials, an outage past the policy's retries) ends the run.
     */
    private Optional<JsonNode> stockOf(String code) {
        try {
            return Optional.of(json.readTree(call(() -> client.stock(code))));
        } catch (VendorCallException refused) {
            if (refused.status() != 400 && refused.status() != 404) {
                throw refused;
            }
            log.debug("Prodsmart has no stock for product {}: {}", code, refused.getMessage());
            return Optional.empty();
        }
    }

    /** A run stops at the next page once another instance holds the lease: that one spends the budget now. */
    private boolean lostLease(String runId, int products, int orders) {
        if (leaseActive.getAsBoolean()) {
            return false;
        }
        log.warn("Prodsmart reconciliation {} stopped: this instance no longer holds the lease ({} products, {} open "
                + "production orders published); the holder's next run covers the rest", runId, products, orders);
        return true;
    }

    private static ItemContext page(ItemContext run, String kind, int page) {
        return new ItemContext("reconcile", run.batchId() + ":" + kind + ":" + page, 0, run.readAt());
    }

    private void persist(String source, ChannelType type, List<JsonNode> items, ItemContext batch)
            throws InterruptedException {
        if (!items.isEmpty()) {
            writer.persist(router.route(source, type, items, batch).stream().map(encoder::encode).toList());
        }
    }

    private List<JsonNode> read(Supplier<reactor.core.publisher.Mono<byte[]>> call) {
        byte[] body = call(call);
        if (body.length == 0) {
            return List.of();
        }
        JsonNode tree = json.readTree(body);
        return tree.isArray() ? tree.valueStream().toList() : List.of(tree);
    }

    private byte[] call(Supplier<reactor.core.publisher.Mono<byte[]>> call) {
        byte[] body = call.get().block();
        return body == null ? new byte[0] : body;
    }
}
