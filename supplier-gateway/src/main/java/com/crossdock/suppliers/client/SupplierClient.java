package com.crossdock.suppliers.client;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import com.crossdock.vendor.suppliers.Availability;
import com.crossdock.vendor.suppliers.Invoice;
import com.crossdock.vendor.suppliers.Operation;
import com.crossdock.vendor.suppliers.OrderLine;
import com.crossdock.vendor.suppliers.PlacedOrder;
import com.crossdock.vendor.suppliers.Price;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * One supplier's adapter: its calls through the vendor client kit ({@code crossdock.vendors.<name>}), its answers read
 * by the supplier's package of {@code vendor-suppliers}. An operation the adapter does not implement fails with
 * {@link UnsupportedOperationException}; the gateway never asks for it (the capability matrix is checked at start).
 */
public interface SupplierClient {

    /** The supplier's configured name: {@code crossdock.vendors.<name>} and {@code crossdock.suppliers.accounts.<name>}. */
    String name();

    /** What the supplier's API offers, as the adapter implements it. */
    Set<Operation> operations();

    /** The price of one unit of {@code article} when buying {@code quantity}. */
    default Mono<Price> price(String article, BigDecimal quantity) {
        return Mono.error(new UnsupportedOperationException(name() + " has no " + Operation.PRICE.id()));
    }

    /** Stock per branch of each article; articles the supplier does not know are listed, not failed. */
    default Mono<Stock> availability(List<String> articles) {
        return Mono.error(new UnsupportedOperationException(name() + " has no " + Operation.AVAILABILITY.id()));
    }

    /** Places the order: sent once, never repeated once it may have reached the supplier. */
    default Mono<PlacedOrder> order(List<OrderLine> lines, String reference) {
        return Mono.error(new UnsupportedOperationException(name() + " has no " + Operation.ORDER.id()));
    }

    /** The supplier's answer listing its invoices dated {@code from} or later, as received. */
    default Mono<JsonNode> invoiceAnswer(LocalDate from) {
        return Mono.error(new UnsupportedOperationException(name() + " has no " + Operation.INVOICES.id()));
    }

    /** The invoices an {@link #invoiceAnswer} lists, read by the supplier's package of {@code vendor-suppliers}. */
    default List<Invoice> readInvoices(JsonNode answer) {
        throw new UnsupportedOperationException(name() + " has no " + Operation.INVOICES.id());
    }

    /**
     * Stock answers of one supplier.
     *
     * @param items   per article it knows
     * @param unknown the articles it does not know (Inter Cars lists them in a header)
     */
    record Stock(List<Availability> items, List<String> unknown) {

        public Stock {
            items = List.copyOf(items);
            unknown = List.copyOf(unknown);
        }
    }
}
