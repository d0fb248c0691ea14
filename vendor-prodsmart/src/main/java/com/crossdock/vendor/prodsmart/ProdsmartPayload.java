package com.crossdock.vendor.prodsmart;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A Prodsmart payload, parsed and checked against its resource (shapes from prodsmart-api.pl.txt, "Elementy
 * webhook", "Kanały źródła danych zmian" and "Zamówienie produkcji"). Optional vendor fields are {@code null} when
 * absent (or, for text and dates, empty: Prodsmart leaves unset fields empty).
 */
public sealed interface ProdsmartPayload {

    /** The id of the thing the payload is about, when the body names one (it keys the raw record). */
    Optional<String> entityId();

    /** The fields whose quantity was rounded to the schemas' 6 decimals ({@code JsonField#decimal}); none by default. */
    default List<String> rounded() {
        return List.of();
    }

    /**
     * A production order as it stands: the body of {@code productionOrder/create|update|delete}, an item of a
     * PRODUCTION_ORDER channel and of {@code GET /api/production-orders} alike (one resource, "Zamówienie produkcji").
     *
     * @param runningStatus null once the order is deleted ("stan uruchomienia zostanie usunięty po usunięciu")
     * @param site the code of the order's own Prodsmart location (its site, not a stock-keeping location); null
     *             when the body names none (the webhook example does not)
     * @param active the body's {@code is-active} or {@code active}; null when it has neither (the webhook body)
     */
    record ProductionOrder(String id, String code, String status, String runningStatus, Instant startDate,
            Instant dueDate, boolean ended, String site, Boolean active, List<OrderLine> lines, List<String> rounded)
            implements ProdsmartPayload {

        @Override
        public Optional<String> entityId() {
            return Optional.of(id);
        }
    }

    record OrderLine(String productCode, BigDecimal quantityOrdered, BigDecimal quantityProduced) {
    }

    /** {@code *_inventory_movement_created|updated}: an array of movements. */
    record Movements(List<Movement> movements, List<String> rounded) implements ProdsmartPayload {

        @Override
        public Optional<String> entityId() {
            return Optional.empty();
        }
    }

    /**
     * @param id the vendor's movement id; the document's example does not show one, so it may be null
     * @param quantity signed: stock-type {@code out} negative, {@code in} positive
     * @param bin the warehouse-location (bin) code; null when the body names none
     * @param warehouse the warehouse code; null when the body names none
     * @param date when the movement happened at Prodsmart (its {@code date} / {@code date-time}); null when absent
     * @param reference the shipping/receiving code (or the sales/purchase order code) it belongs to
     */
    record Movement(String id, String productCode, String unitOfMeasure, String lot, BigDecimal quantity,
            String bin, String warehouse, Instant date, String reference) {
    }

    /** {@code *_deleted}: Prodsmart sends only the id of what was deleted. */
    record Deleted(String id) implements ProdsmartPayload {

        @Override
        public Optional<String> entityId() {
            return Optional.of(id);
        }
    }

    /** A topic that is kept raw (lots, material staging, punch clock, downtime, unknown): only well-formed. */
    record Unmapped(Optional<String> entityId) implements ProdsmartPayload {
    }
}
