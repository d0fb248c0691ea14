package com.crossdock.poller;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
 */
final class ProdsmartReconciliation {

    private static final Logger log = LoggerFactory.getLogger(ProdsmartReconciliation.class);

    private final ProdsmartClient client;
    private final ItemRouter router;
    private final JsonMapper json;

    /** @param client the reconciliation share's client: each call takes a permit of the share, then the company's */
    ProdsmartReconciliation(ProdsmartClient client, ItemRouter router, JsonMapper json) {
        this.client = client;
        this.router = router;
        this.json = json;
    }

    List<ReconciliationPass> passes() {
        return List.of(ReconciliationPass.of("products", this::productsWithStock),
                ReconciliationPass.of("production-orders", this::openOrders));
    }

    private Page productsWithStock(int page, ReconciliationRun run) {
        List<JsonNode> products = read(client.productsPage(page));
        List<JsonNode> stock = new ArrayList<>();
        run.count("product", products.size());
        for (JsonNode product : products) {
            String code = FeedItems.productCode(product);
            if (code != null) {
                stockOf(code).ifPresentOrElse(stock::add, () -> run.count("product-without-stock", code));
            }
        }
        List<Outgoing> records = new ArrayList<>(
                router.route("products", ChannelType.PRODUCT, products, batch(run, "products", page)));
        records.addAll(router.route("stock", ChannelType.STOCK, stock, batch(run, "stock", page)));
        return Page.of(records, products.size(), ProdsmartClient.PAGE_SIZE);
    }

    private Page openOrders(int page, ReconciliationRun run) {
        List<JsonNode> orders = read(client.activeProductionOrdersPage(page));
        run.count("production-order", orders.size());
        return Page.of(router.route("production-orders", ChannelType.PRODUCTION_ORDER, orders,
                batch(run, "orders", page)), orders.size(), ProdsmartClient.PAGE_SIZE);
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
