package com.crossdock.paqtana;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.crossdock.testkit.SandboxControl;
import com.crossdock.testkit.SandboxControl.Fault;
import com.crossdock.testkit.SandboxServer;
import tools.jackson.databind.JsonNode;

/**
 * The Paqtana fake of the JVM's shared sandboxes (the test kit's {@link SandboxServer}), with what these tests read
 * of it: the rows and demand it holds for organisation demo, the requests it received, faults.
 */
public final class PaqtanaSandbox {

    private static final String VENDOR = "paqtana";

    private PaqtanaSandbox() {
    }

    public static String url() {
        return SandboxServer.shared().url();
    }

    /** The master-inventory rows the sandbox holds for organisation demo. */
    public static List<JsonNode> masterInventoryRows() {
        List<JsonNode> rows = new ArrayList<>();
        control().get("/paqtana/_sandbox/orgs/demo/master_inventory").get("rows").forEach(rows::add);
        return rows;
    }

    public static Optional<JsonNode> masterInventoryRow(String location, String code) {
        return masterInventoryRows().stream()
                .filter(r -> location.equals(r.get("location").stringValue()) && code.equals(r.get("code").stringValue()))
                .findFirst();
    }

    /** The historical demand the sandbox holds for one item: quantity per YYYY-MM-DD. */
    public static Optional<JsonNode> demand(String workspace, String location, String code) {
        for (JsonNode item : control().get("/paqtana/_sandbox/orgs/demo/historical_demand").get("items")) {
            if (workspace.equals(item.get("workspaceCode").stringValue())
                    && location.equals(item.get("location").stringValue())
                    && code.equals(item.get("code").stringValue())) {
                return Optional.of(item.get("quantities"));
            }
        }
        return Optional.empty();
    }

    /** Requests received on a path containing {@code pathPart} since {@code since}. */
    public static List<JsonNode> received(String pathPart, Instant since) {
        List<JsonNode> matching = new ArrayList<>();
        for (JsonNode request : control().get("/paqtana/_sandbox/received")) {
            if (request.get("path").stringValue().contains(pathPart)
                    && !Instant.parse(request.get("receivedAt").stringValue()).isBefore(since)) {
                matching.add(request);
            }
        }
        return matching;
    }

    /** The next {@code count} Paqtana requests are answered {@code status}. */
    public static void fail(int status, int count) {
        control().fault(VENDOR, Fault.status(status).times(count));
    }

    /** The next Paqtana request is refused with 400 and {@code answer} as its body. */
    public static void refuse(Object answer) {
        control().fault(VENDOR, Fault.status(400).times(1).withBody(answer));
    }

    public static void clearFaults() {
        control().clearFaults(VENDOR);
    }

    private static SandboxControl control() {
        return SandboxServer.shared().control();
    }
}
