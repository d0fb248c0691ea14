package com.crossdock.paqtana.demand;

import com.crossdock.paqtana.json.JsonRowsPayload;

/** One {@code POST historical_demand} of a run; only the run's last one asks Paqtana to calculate. */
record DemandRequest(JsonRowsPayload<DemandRow> payload, boolean autoCalculate) {
}
