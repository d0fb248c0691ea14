package com.crossdock.paqtana.inventory;

import com.crossdock.paqtana.json.RowWriter;
import com.crossdock.paqtana.view.InventoryRow;
import tools.jackson.core.JsonGenerator;

import static com.crossdock.paqtana.json.JsonFields.integer;
import static com.crossdock.paqtana.json.JsonFields.number;
import static com.crossdock.paqtana.json.JsonFields.string;

/**
 * One master-inventory row as Paqtana's {@code PUT master_inventory} takes it: every field of the row shape in
 * VENDORS.md (from public client code), in that order, {@code additionalColumns} always empty.
 */
final class MasterInventoryJson implements RowWriter<InventoryRow> {

    @Override
    public void write(JsonGenerator g, InventoryRow row) {
        g.writeStartObject();
        string(g, "location", row.location());
        string(g, "code", row.code());
        string(g, "description", row.description());
        string(g, "materialType", row.materialType());
        number(g, "multipleOrderQuantity", row.multipleOrderQuantity());
        string(g, "currency", row.currency());
        number(g, "unitCost", row.unitCost());
        number(g, "minimumOrderQuantity", row.minimumOrderQuantity());
        string(g, "unitOfMeasure", row.unitOfMeasure());
        integer(g, "supplyLeadTime", row.supplyLeadTime());
        number(g, "onHandStock", row.onHandStock());
        number(g, "transitStock", row.transitStock());
        number(g, "openDemandOrders", row.openDemandOrders());
        g.writeArrayPropertyStart("additionalColumns");
        g.writeEndArray();
        string(g, "workspaceCode", row.workspaceCode());
        g.writeEndObject();
    }
}
