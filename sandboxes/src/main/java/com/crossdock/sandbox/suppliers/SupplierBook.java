package com.crossdock.sandbox.suppliers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one fake supplier holds: its catalogue (price and stock per branch of each article, the stock as the supplier
 * writes it: {@code "5"}, {@code ">10"}), the orders it took and the invoices it issued. Each supplier's controller
 * answers from it in that supplier's own shapes; the control endpoints ({@link SupplierSandboxController}) fill it.
 */
public final class SupplierBook {

    /**
     * @param price    the price of one unit
     * @param currency its currency
     * @param branches stock per branch, as the supplier writes it
     */
    public record Article(BigDecimal price, String currency, Map<String, String> branches) {

        public Article {
            branches = branches == null ? Map.of() : new LinkedHashMap<>(branches);
        }
    }

    /** An order the supplier took: its id, the day, and the lines as sent. */
    public record Order(String id, LocalDate date, List<Map<String, Object>> lines) {
    }

    /** An invoice the supplier issued; its lines carry {@code sku, name, quantity, price}. */
    public record Invoice(String id, String number, LocalDate date, String currency, BigDecimal total, String orderId,
            List<Map<String, Object>> lines) {
    }

    private final String name;
    private final Map<String, Article> seeded;
    private final Map<String, Article> articles = new LinkedHashMap<>();
    private final List<Order> orders = new ArrayList<>();
    private final List<Invoice> invoices = new ArrayList<>();
    private final AtomicLong orderNumbers = new AtomicLong();

    public SupplierBook(String name, Map<String, Article> seeded) {
        this.name = name;
        this.seeded = Map.copyOf(seeded);
        articles.putAll(seeded);
    }

    public String name() {
        return name;
    }

    public synchronized Optional<Article> article(String code) {
        return Optional.ofNullable(articles.get(code));
    }

    public synchronized void put(String code, Article article) {
        articles.put(code, article);
    }

    /** Takes an order: a new id, {@code <prefix><n>}. */
    public synchronized Order order(String prefix, LocalDate date, List<Map<String, Object>> lines) {
        Order order = new Order(prefix + orderNumbers.incrementAndGet(), date, List.copyOf(lines));
        orders.add(order);
        return order;
    }

    public synchronized List<Order> orders() {
        return List.copyOf(orders);
    }

    public synchronized void issue(Invoice invoice) {
        invoices.removeIf(existing -> existing.id().equals(invoice.id()));
        invoices.add(invoice);
    }

    /** The invoices dated on or after {@code from}, oldest first. */
    public synchronized List<Invoice> invoicesFrom(LocalDate from) {
        return invoices.stream().filter(invoice -> !invoice.date().isBefore(from))
                .sorted(java.util.Comparator.comparing(Invoice::date)).toList();
    }

    public synchronized Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("articles", articles.size());
        state.put("orders", orders.size());
        state.put("orderLines", orders.stream().mapToInt(order -> order.lines().size()).sum());
        state.put("invoices", invoices.size());
        return state;
    }

    /** Back to the seeded catalogue, no orders, no invoices. */
    public synchronized void reset() {
        articles.clear();
        articles.putAll(seeded);
        orders.clear();
        invoices.clear();
        orderNumbers.set(0);
    }
}
