package com.crossdock.paqtana.demand;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.crossdock.paqtana.json.JsonFields;
import com.crossdock.paqtana.json.RowWriter;
import tools.jackson.core.JsonGenerator;

import static com.crossdock.paqtana.json.JsonFields.string;

/** One row of Paqtana's {@code POST historical_demand}: dates as YYYY-MM-DD, quantities as plain numbers. */
final class HistoricalDemandJson implements RowWriter<DemandRow> {

    @Override
    public void write(JsonGenerator g, DemandRow row) {
        g.writeStartObject();
        string(g, "location", row.location());
        string(g, "code", row.code());
        string(g, "workspaceCode", row.workspaceCode());
        g.writeArrayPropertyStart("dates");
        for (LocalDate day : row.dates()) {
            g.writeString(day.toString());
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("quantities");
        for (BigDecimal quantity : row.quantities()) {
            JsonFields.number(g, quantity);
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
