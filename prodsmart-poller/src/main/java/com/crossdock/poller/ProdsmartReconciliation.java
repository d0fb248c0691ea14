package com.crossdock.poller;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import com.crossdock.events.ArticleUpserted;
import com.crossdock.events.ProductionOrderChanged;
import com.crossdock.platform.events.CanonicalEvent;
import com.crossdock.platform.poller.Outgoing;
import com.crossdock.platform.poller.Page;
import com.crossdock.platform.poller.ReconciliationPass;
import com.crossdock.platform.poller.ReconciliationRun;
import com.crossdock.platform.vendor.VendorCallException;
import com.crossdock.vendor.prodsmart.ChannelType;
import com.crossdock.vendor.prodsmart.FeedItems;
import com.crossdock.vendor.prodsmart.ItemContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prodsmart's reconciliation, as the poller kit's passes: every product (ArticleUpserted) with its stock
 * (StockChanged LEVEL, lots included), then every open production order (ProductionOrderChanged), as snapshot
 * events. It heals what the feed lost: the feed keeps changes for 24 hours only, and a read answer lost in transit
 * is gone. Prodsmart has no stock list, so a products page costs one call per product besides its own.
 *
 * <p>After the last page of a pass, what was published as live but is no longer listed ({@link Removals}) is read
 * once more on its own: a product Prodsmart answers 404 for is published deleted, an order it answers 404 for is
 * published DELETED; one it still has (closed, archived, or missed by a list whose pages shifted while it was read) is
 * published as it is now. A pass that does not reach its last page (lease lost, a failure) removes nothing.
 */
final class ProdsmartReconciliation {

    /** The pass over the products and their stock: restores the STOCK and PRODUCT channels. */
    static final String PRODUCTS = "products";
    /** The pass over the open production orders: restores the PRODUCTION_ORDER channel. */
    static final String PRODUCTION_ORDERS = "production-orders";

    private static final Logger log = LoggerFactory.getLogger(ProdsmartReconciliation.class);

    private final ProdsmartClient client;
    private final ItemRouter router;
    private final Removals removals;
    private final JsonMapper json;
    private final Clock clock;
    /** What the pass in progress has listed so far (one run at a time: the kit's runner). */
    private final Set<String> listedProducts = new HashSet<>();
    private final Set<String> listedOrders = new HashSet<>();

    /** @param client the reconciliation share's client: each call takes a permit of the share, then the company's */
    ProdsmartReconciliation(ProdsmartClient client, ItemRouter router, Removals removals, JsonMapper json,
                            Clock clock) {
        this.client = client;
        this.router = router;
        this.removals = removals;
        this.json = json;
        this.clock = clock;
    }

    List<ReconciliationPass> passes() {
        return List.of(ReconciliationPass.of(PRODUCTS, this::productsWithStock),
                ReconciliationPass.of(PRODUCTION_ORDERS, this::openOrders));
    }

    private Page productsWithStock(int page, ReconciliationRun run) {
        if (page == 1) {
            listedProducts.clear();
        }
        List<JsonNode> products = read(client.productsPage(page));
        run.count("product", products.size());
        List<Outgoing> records = new ArrayList<>(
                router.route("products", ChannelType.PRODUCT, products, batch(run, "products", page)));
        ItemContext stockBatch = batch(run, "stock", page);
        int index = 0;
        for (JsonNode product : products) {
            String code = FeedItems.productCode(product);
            if (code != null) {
                listedProducts.add(code);
                Optional<JsonNode> stock = stockOf(code);
                // the level's as-of time is when its own answer arrived, not the run's start: a movement dated
                // between the two is not in the level and must still be added on top of it (ItemContext.readAt)
                Instant answeredAt = clock.instant();
                if (stock.isPresent()) {
                    records.addAll(router.routeItem("stock", ChannelType.STOCK, stock.get(),
                            new ItemContext(stockBatch.origin(), stockBatch.batchId(), index++, answeredAt)));
                } else {
                    run.count("product-without-stock", code);
                }
            }
        }
        Page read = Page.of(records, products.size(), ProdsmartClient.PAGE_SIZE);
        return read.full() ? read : withRecords(read, removedProducts(run));
    }

    private Page openOrders(int page, ReconciliationRun run) {
        if (page == 1) {
            listedOrders.clear();
        }
        List<JsonNode> orders = read(client.activeProductionOrdersPage(page));
        run.count("production-order", orders.size());
        orders.forEach(order -> listedOrders.add(order.path("id").asString()));
        Page read = Page.of(router.route("production-orders", ChannelType.PRODUCTION_ORDER, orders,
                batch(run, "orders", page)), orders.size(), ProdsmartClient.PAGE_SIZE);
        return read.full() ? read : withRecords(read, closedOrders(run));
    }

    /** Products published as live and no longer listed: deleted when Prodsmart answers 404, else as they are now. */
    private List<Outgoing> removedProducts(ReconciliationRun run) {
        return confirmed(removals.articlesNotListed(Set.copyOf(listedProducts), run.startedAt()), ArticleUpserted::getCode,
                client::product, article -> removals.articleRemoved(article, run.id()),
                new Unlisted("products", ChannelType.PRODUCT, "product-removed", "product-not-listed"), run);
    }

    /**
     * Orders published as open and no longer listed as active: DELETED when Prodsmart answers 404, else their state
     * now (closed or archived orders are not active).
     */
    private List<Outgoing> closedOrders(ReconciliationRun run) {
        return confirmed(removals.openOrdersNotListed(Set.copyOf(listedOrders), run.startedAt()),
                ProductionOrderChanged::getOrderId, client::productionOrder,
                order -> removals.orderDeleted(order, run.id()),
                new Unlisted("production-orders", ChannelType.PRODUCTION_ORDER, "production-order-deleted",
                        "production-order-not-active"), run);
    }

    /** Where a list's unlisted things go, and the kinds they are counted under: gone (404) or still there. */
    private record Unlisted(String channel, ChannelType type, String goneKind, String presentKind) {
    }

    /**
     * Each of {@code published} read on its own ({@code read} by its key): its removal when Prodsmart answers 404,
     * else its state now, mapped as the list's items are.
     */
    private <T> List<Outgoing> confirmed(List<T> published, Function<T, String> key,
            Function<String, Mono<byte[]>> read, Function<T, CanonicalEvent> removal, Unlisted unlisted,
            ReconciliationRun run) {
        List<Outgoing> records = new ArrayList<>();
        List<JsonNode> stillThere = new ArrayList<>();
        for (T thing : published) {
            Optional<JsonNode> current = single(read.apply(key.apply(thing)));
            if (current.isPresent()) {
                stillThere.add(current.get());
                run.count(unlisted.presentKind(), key.apply(thing));
            } else {
                records.add(Outgoing.event(removal.apply(thing)));
                run.count(unlisted.goneKind(), key.apply(thing));
            }
        }
        records.addAll(router.route(unlisted.channel(), unlisted.type(), stillThere, batch(run, unlisted.channel(), 0)));
        return records;
    }

    private static Page withRecords(Page page, List<Outgoing> more) {
        if (more.isEmpty()) {
            return page;
        }
        List<Outgoing> records = new ArrayList<>(page.records());
        records.addAll(more);
        return new Page(records, page.items(), page.full());
    }

    /** One resource, or empty when Prodsmart answers that it does not exist (404). */
    private Optional<JsonNode> single(Mono<byte[]> call) {
        try {
            return Optional.of(json.readTree(body(call)));
        } catch (VendorCallException refused) {
            if (refused.status() != 404) {
                throw refused;
            }
            return Optional.empty();
        }
    }

    /**
     * The product's stock, or empty when Prodsmart answers that it has none to give (400 or 404: a product that
     * was never counted): one such product must not stop the pass over all the others. Any other failure
     * (credentials, an outage past the policy's retries) ends the run.
     */
    private Optional<JsonNode> stockOf(String code) {
        try {
            return Optional.of(json.readTree(body(client.stock(code))));
        } catch (VendorCallException refused) {
            if (refused.status() != 400 && refused.status() != 404) {
                throw refused;
            }
            log.debug("Prodsmart has no stock for product {}: {}", code, refused.getMessage());
            return Optional.empty();
        }
    }

    /** The run id is the correlation id of the page's events, and with the page the stem of their event ids. */
    private static ItemContext batch(ReconciliationRun run, String kind, int page) {
        return new ItemContext("reconcile", run.id() + ":" + kind + ":" + page, 0, run.startedAt());
    }

    private List<JsonNode> read(Mono<byte[]> call) {
        byte[] body = body(call);
        if (body.length == 0) {
            return List.of();
        }
        JsonNode tree = json.readTree(body);
        return tree.isArray() ? tree.valueStream().toList() : List.of(tree);
    }

    private static byte[] body(Mono<byte[]> call) {
        byte[] body = call.block();
        return body == null ? new byte[0] : body;
    }
}
