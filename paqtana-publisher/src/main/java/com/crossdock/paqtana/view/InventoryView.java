package com.crossdock.paqtana.view;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.crossdock.events.ArticleUpserted;
import com.crossdock.events.OrderPlaced;
import com.crossdock.events.ProductionOrderChanged;
import com.crossdock.events.StockChanged;

/**
 * The current inventory as Paqtana sees it, built from the canonical topics and held in memory (rebuilt from
 * Kafka at start-up, never from a private database). Written by one consumer thread, read by the publishers:
 * every method holds the view's lock. The {@code apply} methods answer whether the master inventory changed.
 */
public final class InventoryView {

    private final ViewRules rules;
    private final Articles articles = new Articles();
    private final StockLevels stock;
    private final ProductionOrders production;
    private final SalesOrders sales;

    public InventoryView(ViewRules rules) {
        this.rules = rules;
        this.stock = new StockLevels(rules);
        this.production = new ProductionOrders(rules);
        this.sales = new SalesOrders(rules);
    }

    public synchronized boolean apply(ArticleUpserted event) {
        return articles.apply(event);
    }

    public synchronized boolean removeArticle(String code) {
        return articles.remove(code);
    }

    public synchronized StockOutcome apply(StockChanged event) {
        return stock.apply(event);
    }

    public synchronized ProductionOrderOutcome apply(ProductionOrderChanged event) {
        return production.apply(event);
    }

    public synchronized boolean removeProductionOrder(String orderId) {
        return production.remove(orderId);
    }

    public synchronized boolean apply(OrderPlaced order) {
        return sales.apply(order);
    }

    public synchronized boolean removeSalesOrder(String orderId) {
        return sales.remove(orderId);
    }

    /** Sales orders the demand totals still hold (SalesOrders' pruning keeps the window's). */
    int salesOrdersKept() {
        return sales.demandOrders();
    }

    /** The demand keys whose totals changed since the last run took them; taken, so the next run starts afresh. */
    public synchronized List<DemandKey> takeDirtyDemand() {
        return sales.takeDirty();
    }

    /** Gives back the keys of a run that failed, for the next run. */
    public synchronized void markDemandDirty(Collection<DemandKey> keys) {
        sales.markDirty(keys);
    }

    /** The current total of each key over all orders: what Paqtana must hold for that day and item. */
    public synchronized Map<DemandKey, BigDecimal> demandTotals(Collection<DemandKey> keys) {
        Map<DemandKey, BigDecimal> totals = new LinkedHashMap<>();
        for (DemandKey key : new TreeSet<>(keys)) {
            totals.put(key, sales.demandTotal(key));
        }
        return totals;
    }

    /**
     * Whether the view has ever held {@code item}: an item the view held and no longer does has left it by a
     * deletion (a deleted article, a tombstone, a closed, ended or produced order); one the view never held was
     * not read (skipped, past the stock topic's retention), so its absence explains nothing.
     */
    public synchronized boolean everHeld(ItemKey item) {
        return stock.keys().contains(item) || production.everHeld(item) || sales.everHeld(item)
                || articles.isDeleted(item.code())
                || item.location().equals(rules.defaultLocation()) && articles.codes().contains(item.code());
    }

    /** The workspace of a location: what an item's rows name (Paso 5: the workspace goes in the row). */
    public String workspace(String location) {
        return rules.workspace(location);
    }

    /** A snapshot of every master-inventory row, ordered by location and code. */
    public synchronized List<InventoryRow> rows() {
        Set<ItemKey> items = new TreeSet<>(stock.keys());
        items.addAll(production.keys());
        items.addAll(sales.openKeys());
        Set<String> located = new TreeSet<>();
        items.forEach(item -> located.add(item.code()));
        for (String code : articles.codes()) {
            if (!located.contains(code)) {
                // an article with no stock and no orders anywhere still belongs in Paqtana's master data
                items.add(new ItemKey(rules.defaultLocation(), code));
            }
        }
        List<InventoryRow> rows = new ArrayList<>(items.size());
        for (ItemKey item : items) {
            if (!articles.isDeleted(item.code())) {
                rows.add(row(item));
            }
        }
        return rows;
    }

    private InventoryRow row(ItemKey item) {
        Article article = articles.get(item.code());
        String unit = article.unitOfMeasure() != null ? article.unitOfMeasure() : stock.unit(item);
        BigDecimal onHand = stock.level(item);
        return new InventoryRow(item.location(), item.code(), article.description(), article.materialType(),
                article.multipleOrderQuantity(), article.currency(), article.unitCost(),
                article.minimumOrderQuantity(), unit, article.supplyLeadTimeDays(), onHand,
                production.transit(item), sales.open(item), rules.workspace(item.location()));
    }
}
