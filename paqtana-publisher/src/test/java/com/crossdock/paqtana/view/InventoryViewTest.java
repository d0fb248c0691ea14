package com.crossdock.paqtana.view;

import java.math.BigDecimal;
import java.util.UUID;

import com.crossdock.events.ChangeAction;
import com.crossdock.events.MovementAction;
import com.crossdock.events.StockChanged;
import org.junit.jupiter.api.Test;

import static com.crossdock.paqtana.TestEvents.NOW;
import static com.crossdock.paqtana.TestEvents.article;
import static com.crossdock.paqtana.TestEvents.articleDeleted;
import static com.crossdock.paqtana.TestEvents.level;
import static com.crossdock.paqtana.TestEvents.levelAt;
import static com.crossdock.paqtana.TestEvents.line;
import static com.crossdock.paqtana.TestEvents.movement;
import static com.crossdock.paqtana.TestEvents.movementAt;
import static com.crossdock.paqtana.TestEvents.order;
import static com.crossdock.paqtana.TestEvents.productionOrder;
import static com.crossdock.paqtana.TestEvents.productionOrderAt;
import static com.crossdock.paqtana.TestEvents.toProduce;
import static com.crossdock.paqtana.view.ViewFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;

class InventoryViewTest {

    private final InventoryView view = ViewFixtures.view();

    @Test
    void levelReplacesTheLevelOfProductAtLocation() {
        assertThat(view.apply(level("P1", "wh1", "10"))).isEqualTo(StockOutcome.LEVEL_CHANGED);
        assertThat(view.apply(level("P1", "wh1", "4"))).isEqualTo(StockOutcome.LEVEL_CHANGED);
        assertThat(view.apply(level("P1", "wh1", "4.000"))).isEqualTo(StockOutcome.LEVEL_UNCHANGED);
        view.apply(level("P1", "wh2", "7"));

        assertThat(row(view, "wh1", "P1").onHandStock()).isEqualByComparingTo("4");
        assertThat(row(view, "wh2", "P1").onHandStock()).isEqualByComparingTo("7");
    }

    @Test
    void aLotsLevelDoesNotReplaceTheProductsLevel() {
        view.apply(level("P1", "wh1", "2395"));
        StockChanged lot = level("P1", "wh1", "500");
        lot.setLot("Lot 0086");

        assertThat(view.apply(lot)).isEqualTo(StockOutcome.LOT_LEVEL_SKIPPED);
        assertThat(StockOutcome.LOT_LEVEL_SKIPPED.changesView()).isFalse();
        assertThat(row(view, "wh1", "P1").onHandStock()).isEqualByComparingTo("2395");
    }

    @Test
    void createdMovementAddsItsDeltaOncePerEventId() {
        view.apply(level("P1", "wh1", "10"));
        UUID in = UUID.randomUUID();

        assertThat(view.apply(movement(in, MovementAction.CREATED, "P1", "wh1", "5"))).isEqualTo(StockOutcome.MOVEMENT_APPLIED);
        assertThat(view.apply(movement(in, MovementAction.CREATED, "P1", "wh1", "5"))).isEqualTo(StockOutcome.MOVEMENT_DUPLICATE);
        view.apply(movement(UUID.randomUUID(), MovementAction.CREATED, "P1", "wh1", "-3"));

        assertThat(row(view, "wh1", "P1").onHandStock()).isEqualByComparingTo("12");
    }

    @Test
    void updatedAndDeletedMovementsAreCountedNotApplied() {
        view.apply(level("P1", "wh1", "10"));

        StockOutcome updated = view.apply(movement(UUID.randomUUID(), MovementAction.UPDATED, "P1", "wh1", "5"));
        StockOutcome deleted = view.apply(movement(UUID.randomUUID(), MovementAction.DELETED, "P1", "wh1", "-2"));

        assertThat(updated).isEqualTo(StockOutcome.MOVEMENT_NOT_APPLICABLE);
        assertThat(deleted).isEqualTo(StockOutcome.MOVEMENT_NOT_APPLICABLE);
        assertThat(updated.changesView()).isFalse();
        assertThat(row(view, "wh1", "P1").onHandStock()).isEqualByComparingTo("10");
    }

    @Test
    void levelAfterMovementsSettlesTheLevel() {
        view.apply(movementAt(UUID.randomUUID(), MovementAction.CREATED, "P1", "wh1", "5", NOW.minusSeconds(60)));
        view.apply(level("P1", "wh1", "42"));

        assertThat(row(view, "wh1", "P1").onHandStock()).isEqualByComparingTo("42");
    }

    // order of facts (COMMON decision, issue 9 point 2): decided by the vendor's own times

    @Test
    void anOlderLevelThanTheAppliedOneIsIgnored() {
        view.apply(levelAt("P1", "wh1", "10", NOW));

        assertThat(view.apply(levelAt("P1", "wh1", "99", NOW.minusSeconds(1)))).isEqualTo(StockOutcome.LEVEL_OLDER_IGNORED);
        assertThat(StockOutcome.LEVEL_OLDER_IGNORED.changesView()).isFalse();
        assertThat(row(view, "wh1", "P1").onHandStock()).isEqualByComparingTo("10");
    }

    @Test
    void aMovementDatedAtOrBeforeTheLevelIsAlreadyInIt() {
        view.apply(levelAt("P1", "wh1", "10", NOW));

        assertThat(view.apply(movementAt(UUID.randomUUID(), MovementAction.CREATED, "P1", "wh1", "5", NOW)))
                .isEqualTo(StockOutcome.MOVEMENT_BEFORE_LEVEL);
        assertThat(view.apply(movementAt(UUID.randomUUID(), MovementAction.CREATED, "P1", "wh1", "5",
                NOW.minusSeconds(3600)))).isEqualTo(StockOutcome.MOVEMENT_BEFORE_LEVEL);
        assertThat(StockOutcome.MOVEMENT_BEFORE_LEVEL.changesView()).isFalse();
        assertThat(row(view, "wh1", "P1").onHandStock()).isEqualByComparingTo("10");
    }

    @Test
    void aMovementWithoutItsOwnDateIsDatedByTheEnvelope() {
        view.apply(levelAt("P1", "wh1", "10", NOW));
        StockChanged undated = movement(UUID.randomUUID(), MovementAction.CREATED, "P1", "wh1", "5");
        undated.getMovement().setDate(null); // the envelope's occurredAt is NOW: the level's time

        assertThat(view.apply(undated)).isEqualTo(StockOutcome.MOVEMENT_BEFORE_LEVEL);
    }

    @Test
    void aLevelIsItsQuantityPlusTheMovementsAppliedThatAreDatedAfterIt() {
        view.apply(levelAt("P1", "wh1", "10", NOW));
        view.apply(movementAt(UUID.randomUUID(), MovementAction.CREATED, "P1", "wh1", "5", NOW.plusSeconds(10)));
        view.apply(movementAt(UUID.randomUUID(), MovementAction.CREATED, "P1", "wh1", "-2", NOW.plusSeconds(30)));

        // the poller's level as of +20s comes late: the +10s movement is in it, the +30s one is not
        assertThat(view.apply(levelAt("P1", "wh1", "14", NOW.plusSeconds(20)))).isEqualTo(StockOutcome.LEVEL_CHANGED);

        assertThat(row(view, "wh1", "P1").onHandStock()).isEqualByComparingTo("12");
    }

    @Test
    void anyOrderOfTheSameFactsGivesTheSameLevel() {
        StockChanged level = levelAt("P1", "wh1", "14", NOW.plusSeconds(20));
        StockChanged before = movementAt(UUID.randomUUID(), MovementAction.CREATED, "P1", "wh1", "4", NOW.plusSeconds(10));
        StockChanged after = movementAt(UUID.randomUUID(), MovementAction.CREATED, "P1", "wh1", "-2", NOW.plusSeconds(30));
        InventoryView other = ViewFixtures.view();

        view.apply(level);
        view.apply(before);
        view.apply(after);
        other.apply(after);
        other.apply(before);
        other.apply(level);

        assertThat(row(view, "wh1", "P1").onHandStock()).isEqualByComparingTo("12");
        assertThat(row(other, "wh1", "P1").onHandStock()).isEqualByComparingTo("12");
    }

    @Test
    void anOlderStateOfAProductionOrderNeverOverwritesANewerOne() {
        view.apply(productionOrderAt(NOW, "PO1", "wh1", ChangeAction.UPDATED, false, true, toProduce("P1", "100", "60")));

        ProductionOrderOutcome older = view.apply(productionOrderAt(NOW.minusSeconds(5), "PO1", "wh1",
                ChangeAction.CREATED, false, true, toProduce("P1", "100", "0")));

        assertThat(older).isEqualTo(ProductionOrderOutcome.STATE_OLDER_IGNORED);
        assertThat(row(view, "wh1", "P1").transitStock()).isEqualByComparingTo("40");
        assertThat(view.apply(productionOrderAt(NOW.plusSeconds(5), "PO1", "wh1", ChangeAction.UPDATED, true, true,
                toProduce("P1", "100", "60")))).isEqualTo(ProductionOrderOutcome.STATE_CHANGED);
    }

    @Test
    void stockWithoutLocationLandsAtTheDefaultLocationAndItsWorkspace() {
        view.apply(level("P1", "", "3"));
        view.apply(level("P2", "wh2", "1"));

        assertThat(row(view, "main", "P1").workspaceCode()).isEqualTo("main");
        assertThat(row(view, "wh2", "P2").workspaceCode()).isEqualTo("secondary");
    }

    @Test
    void articleMasterDataFillsEveryRowOfItsCode() {
        view.apply(level("P1", "wh1", "3"));
        assertThat(view.apply(article("P1", "Bolt M8"))).isTrue();

        InventoryRow row = row(view, "wh1", "P1");
        assertThat(row.description()).isEqualTo("Bolt M8");
        assertThat(row.unitOfMeasure()).isEqualTo("pcs");
        assertThat(row.materialType()).isEqualTo("FINISHED");
        assertThat(row.currency()).isEqualTo("EUR");
        assertThat(row.unitCost()).isEqualByComparingTo("12.5");
        assertThat(row.minimumOrderQuantity()).isEqualByComparingTo("10");
        assertThat(row.multipleOrderQuantity()).isEqualByComparingTo("5");
        assertThat(row.supplyLeadTime()).isEqualTo(7);
    }

    @Test
    void articleWithoutStockOrOrdersGetsARowAtTheDefaultLocation() {
        view.apply(article("P9", "Nut"));

        InventoryRow row = row(view, "main", "P9");
        assertThat(row.onHandStock()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(row.transitStock()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(row.openDemandOrders()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void deletedArticleLeavesTheMasterInventoryUntilUpsertedAgain() {
        view.apply(article("P1", "Bolt"));
        view.apply(level("P1", "wh1", "3"));

        assertThat(view.apply(articleDeleted("P1"))).isTrue();
        assertThat(view.rows()).noneMatch(r -> r.code().equals("P1"));

        view.apply(article("P1", "Bolt again"));
        assertThat(row(view, "wh1", "P1").description()).isEqualTo("Bolt again");
    }

    @Test
    void openProductionOrdersGiveTheQuantityStillToProduceAsTransitStock() {
        view.apply(productionOrder("PO1", "wh1", ChangeAction.CREATED, false, true,
                toProduce("P1", "100", "30"), toProduce("P2", "10", null)));
        view.apply(productionOrder("PO2", "wh1", ChangeAction.CREATED, false, true, toProduce("P1", "5", "9")));

        assertThat(row(view, "wh1", "P1").transitStock()).isEqualByComparingTo("70");
        assertThat(row(view, "wh1", "P2").transitStock()).isEqualByComparingTo("10");
    }

    @Test
    void laterProductionOrderVersionReplacesTheEarlierAndClosedOrdersCountNothing() {
        view.apply(productionOrder("PO1", "wh1", ChangeAction.CREATED, false, true, toProduce("P1", "100", "0")));
        view.apply(productionOrder("PO2", "wh1", ChangeAction.CREATED, false, true, toProduce("P1", "20", "0")));
        view.apply(productionOrder("PO3", "wh1", ChangeAction.CREATED, false, true, toProduce("P1", "7", "0")));

        view.apply(productionOrder("PO1", "wh1", ChangeAction.UPDATED, false, true, toProduce("P1", "100", "60")));
        view.apply(productionOrder("PO2", "wh1", ChangeAction.UPDATED, true, true, toProduce("P1", "20", "5")));
        view.apply(productionOrder("PO3", "wh1", ChangeAction.UPDATED, false, false, toProduce("P1", "7", "0")));
        assertThat(row(view, "wh1", "P1").transitStock()).isEqualByComparingTo("40");

        view.apply(productionOrder("PO1", "wh1", ChangeAction.DELETED, false, true, toProduce("P1", "100", "60")));
        assertThat(view.rows()).noneMatch(r -> r.code().equals("P1"));
    }

    @Test
    void openDemandCountsOrdersNeitherCancelledNorClosed() {
        view.apply(order("SO1", "new", false, NOW, line("P1", "3", "wh1", null)));
        view.apply(order("SO2", "FULFILLED", false, NOW, line("P1", "100", "wh1", null)));
        view.apply(order("SO3", "new", true, NOW, line("P1", "200", "wh1", null)));
        view.apply(order("SO4", null, false, NOW, line("P1", "4", "wh1", null)));

        assertThat(row(view, "wh1", "P1").openDemandOrders()).isEqualByComparingTo("7");

        assertThat(view.apply(order("SO1", "closed", false, NOW, line("P1", "3", "wh1", null)))).isTrue();
        assertThat(row(view, "wh1", "P1").openDemandOrders()).isEqualByComparingTo("4");
    }

    @Test
    void tombstonesRemoveOrdersAndArticles() {
        view.apply(order("SO1", "new", false, NOW, line("P1", "3", "wh1", null)));
        view.apply(productionOrder("PO1", "wh1", ChangeAction.CREATED, false, true, toProduce("P2", "5", "0")));

        assertThat(view.removeSalesOrder("SO1")).isTrue();
        assertThat(view.removeProductionOrder("PO1")).isTrue();

        assertThat(view.rows()).isEmpty();
    }

    @Test
    void rowsAreOrderedByLocationThenCode() {
        view.apply(level("B", "wh2", "1"));
        view.apply(level("A", "wh2", "1"));
        view.apply(level("C", "wh1", "1"));

        assertThat(view.rows()).extracting(r -> r.location() + "/" + r.code())
                .containsExactly("wh1/C", "wh2/A", "wh2/B");
    }
}
