package com.crossdock.paqtana.inventory;

import java.math.BigDecimal;
import java.util.List;

import com.crossdock.paqtana.json.JsonRowsPayload;
import com.crossdock.paqtana.json.Payloads;
import com.crossdock.paqtana.view.InventoryRow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MasterInventoryJsonTest {

    @Test
    void writesEveryPaqtanaFieldInItsOrderWithPlainDecimals() {
        InventoryRow row = new InventoryRow("wh1", "P1", "Bolt \"M8\"", "FINISHED", new BigDecimal("5.000000"), "EUR",
                new BigDecimal("12.500000"), new BigDecimal("10.000000"), "pcs", 7, new BigDecimal("120.000000"),
                new BigDecimal("70.000000"), new BigDecimal("0.000000"), "main");

        String json = Payloads.text(JsonRowsPayload.of(List.of(row), new MasterInventoryJson()));

        assertThat(json).isEqualTo("{\"data\":[{\"location\":\"wh1\",\"code\":\"P1\",\"description\":\"Bolt \\\"M8\\\"\","
                + "\"materialType\":\"FINISHED\",\"multipleOrderQuantity\":5,\"currency\":\"EUR\",\"unitCost\":12.5,"
                + "\"minimumOrderQuantity\":10,\"unitOfMeasure\":\"pcs\",\"supplyLeadTime\":7,\"onHandStock\":120,"
                + "\"transitStock\":70,\"openDemandOrders\":0,\"additionalColumns\":[],\"workspaceCode\":\"main\"}]}");
    }

    @Test
    void unknownMasterDataIsWrittenAsNull() {
        InventoryRow row = new InventoryRow("wh1", "P1", null, null, null, null, null, null, null, null,
                new BigDecimal("-3.250000"), BigDecimal.ZERO, BigDecimal.ZERO, "main");

        String json = Payloads.text(JsonRowsPayload.of(List.of(row), new MasterInventoryJson()));

        assertThat(json).contains("\"description\":null", "\"unitCost\":null", "\"supplyLeadTime\":null",
                "\"onHandStock\":-3.25");
    }
}
