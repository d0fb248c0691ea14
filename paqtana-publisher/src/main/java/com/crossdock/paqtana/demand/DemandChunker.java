package com.crossdock.paqtana.demand;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import com.crossdock.paqtana.json.JsonRowsPayload;

/**
 * Cuts a run of historical-demand rows into requests of at most {@code maxBytes} each ("El tamaño máximo de
 * la carga útil es de 32MB"; the data "se puede enviar en segmentos", paqtana-integration-api.es.txt, Pasos 5
 * and 6), with {@code auto_calculate=True} on the last request only (Paso 6: it belongs to the run's last call).
 * A row too large on its own is cut by days: Paqtana merges per day and item, so the halves add up.
 */
final class DemandChunker {

    private static final HistoricalDemandJson WRITER = new HistoricalDemandJson();

    private final long maxBytes;

    DemandChunker(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    List<DemandRequest> requests(List<DemandRow> rows) {
        List<List<DemandRow>> chunks = chunks(rows);
        List<DemandRequest> requests = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            JsonRowsPayload<DemandRow> payload = JsonRowsPayload.of(chunks.get(i), WRITER);
            if (payload.sizeBytes() > maxBytes) {
                throw new IllegalStateException("a historical_demand chunk of " + payload.sizeBytes()
                        + " bytes exceeds the limit of " + maxBytes);
            }
            requests.add(new DemandRequest(payload, i == chunks.size() - 1));
        }
        return requests;
    }

    private List<List<DemandRow>> chunks(List<DemandRow> rows) {
        List<List<DemandRow>> chunks = new ArrayList<>();
        List<DemandRow> current = new ArrayList<>();
        long currentBytes = JsonRowsPayload.ENVELOPE_BYTES;
        Deque<DemandRow> pending = new ArrayDeque<>(rows);
        while (!pending.isEmpty()) {
            DemandRow row = pending.pollFirst();
            long rowBytes = JsonRowsPayload.sizeOf(row, WRITER);
            if (JsonRowsPayload.ENVELOPE_BYTES + rowBytes > maxBytes) {
                if (row.dates().size() < 2) {
                    throw new IllegalStateException("one day of item " + row.location() + "/" + row.code()
                            + " takes " + rowBytes + " bytes, more than the limit of " + maxBytes);
                }
                List<DemandRow> halves = row.halves();
                pending.addFirst(halves.get(1));
                pending.addFirst(halves.get(0));
                continue;
            }
            long separator = current.isEmpty() ? 0 : 1;
            if (currentBytes + separator + rowBytes > maxBytes) {
                chunks.add(current);
                current = new ArrayList<>();
                currentBytes = JsonRowsPayload.ENVELOPE_BYTES;
                separator = 0;
            }
            current.add(row);
            currentBytes += separator + rowBytes;
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }
}
