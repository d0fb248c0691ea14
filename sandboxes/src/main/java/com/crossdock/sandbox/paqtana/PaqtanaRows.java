package com.crossdock.sandbox.paqtana;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Validates Paqtana payloads {@code {"data":[row, ...]}} the way Paqtana refuses them: the whole request
 * is refused at the first bad row, naming the row and the field, and nothing of it is kept.
 */
final class PaqtanaRows {

    static final String MASTER_INVENTORY = "master_inventory";
    static final String HISTORICAL_DEMAND = "historical_demand";

    private static final List<String> INVENTORY_STRINGS = List.of(
            "location", "code", "description", "materialType", "currency", "unitOfMeasure", "workspaceCode");
    private static final List<String> INVENTORY_NUMBERS = List.of("multipleOrderQuantity", "unitCost",
            "minimumOrderQuantity", "supplyLeadTime", "onHandStock", "transitStock", "openDemandOrders");
    /**
     * The quantities Paqtana plans with: a row states them, as numbers, never null (an unknown stock is not a
     * stock of zero; a client must send 0 when it means 0).
     */
    private static final List<String> INVENTORY_QUANTITIES = List.of("onHandStock", "transitStock", "openDemandOrders");
    private static final List<String> DEMAND_REQUIRED = List.of("location", "code", "workspaceCode");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private PaqtanaRows() {
    }

    /** One validated historical-demand row: quantity per day of one item in one workspace. */
    record DemandRow(String workspaceCode, String location, String code, Map<LocalDate, BigDecimal> quantities) {
    }

    static List<JsonNode> masterInventory(JsonNode body, PaqtanaProperties.Org org, List<String> required) {
        List<JsonNode> rows = data(body, MASTER_INVENTORY);
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            requireStrings(row, i, MASTER_INVENTORY, required);
            for (String field : INVENTORY_STRINGS) {
                requireType(row, i, field, JsonNode::isString, "a string");
            }
            for (String field : INVENTORY_NUMBERS) {
                requireType(row, i, field, JsonNode::isNumber, "a number");
            }
            for (String field : INVENTORY_QUANTITIES) {
                requirePresent(row, i, field, "a number");
            }
            requirePresent(row, i, "additionalColumns", "an array");
            requireType(row, i, "additionalColumns", JsonNode::isArray, "an array");
            knownWorkspace(row, i, MASTER_INVENTORY, org);
        }
        return rows;
    }

    static List<DemandRow> historicalDemand(JsonNode body, PaqtanaProperties.Org org) {
        List<JsonNode> rows = data(body, HISTORICAL_DEMAND);
        List<DemandRow> result = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            requireStrings(row, i, HISTORICAL_DEMAND, DEMAND_REQUIRED);
            knownWorkspace(row, i, HISTORICAL_DEMAND, org);
            JsonNode dates = array(row, i, "dates");
            JsonNode quantities = array(row, i, "quantities");
            if (dates.size() != quantities.size()) {
                throw PaqtanaException.invalid(HISTORICAL_DEMAND, "data[" + i + "].quantities", i,
                        "data[" + i + "]: 'dates' and 'quantities' must have the same length (dates: "
                                + dates.size() + ", quantities: " + quantities.size() + ")");
            }
            Map<LocalDate, BigDecimal> perDay = new LinkedHashMap<>();
            for (int d = 0; d < dates.size(); d++) {
                perDay.put(day(dates.get(d), i, d), quantity(quantities.get(d), i, d));
            }
            result.add(new DemandRow(row.get("workspaceCode").stringValue(), row.get("location").stringValue(),
                    row.get("code").stringValue(), perDay));
        }
        return result;
    }

    private static List<JsonNode> data(JsonNode body, String operation) {
        JsonNode data = body.isObject() ? body.get("data") : null;
        if (data == null || !data.isArray()) {
            throw PaqtanaException.invalid(operation, "data", null, "body must be {\"data\": [ ... ]}");
        }
        List<JsonNode> rows = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            if (!data.get(i).isObject()) {
                throw PaqtanaException.invalid(operation, "data[" + i + "]", i, "data[" + i + "] must be an object");
            }
            rows.add(data.get(i));
        }
        return rows;
    }

    private static void requireStrings(JsonNode row, int i, String operation, List<String> fields) {
        for (String field : fields) {
            JsonNode value = row.get(field);
            if (value == null || value.isNull() || (value.isString() && value.stringValue().isBlank())) {
                throw PaqtanaException.invalid(operation, "data[" + i + "]." + field, i,
                        "data[" + i + "]: required field '" + field + "' is missing");
            }
        }
    }

    private static void knownWorkspace(JsonNode row, int i, String operation, PaqtanaProperties.Org org) {
        JsonNode workspace = row.get("workspaceCode");
        if (workspace == null || !workspace.isString() || !org.workspaces().contains(workspace.stringValue())) {
            throw PaqtanaException.invalid(operation, "data[" + i + "].workspaceCode", i, "data[" + i
                    + "]: unknown workspaceCode '" + (workspace == null ? "" : workspace.asString()) + "'");
        }
    }

    private static JsonNode array(JsonNode row, int i, String field) {
        JsonNode value = row.get(field);
        if (value == null || !value.isArray()) {
            throw PaqtanaException.invalid(HISTORICAL_DEMAND, "data[" + i + "]." + field, i,
                    "data[" + i + "]: required field '" + field + "' must be an array");
        }
        return value;
    }

    private static LocalDate day(JsonNode value, int i, int d) {
        String field = "data[" + i + "].dates[" + d + "]";
        try {
            if (value.isString() && DAY.matcher(value.stringValue()).matches()) {
                return LocalDate.parse(value.stringValue());
            }
        } catch (DateTimeParseException e) {
            // falls through to the same answer as a malformed string
        }
        throw PaqtanaException.invalid(HISTORICAL_DEMAND, field, i, field + ": '" + value.asString()
                + "' is not a date in the format YYYY-MM-DD");
    }

    private static BigDecimal quantity(JsonNode value, int i, int d) {
        if (!value.isNumber()) {
            String field = "data[" + i + "].quantities[" + d + "]";
            throw PaqtanaException.invalid(HISTORICAL_DEMAND, field, i, field + " must be a number");
        }
        return value.decimalValue();
    }

    private static void requirePresent(JsonNode row, int i, String field, String what) {
        JsonNode value = row.get(field);
        if (value == null || value.isNull()) {
            throw PaqtanaException.invalid(MASTER_INVENTORY, "data[" + i + "]." + field, i,
                    "data[" + i + "]: '" + field + "' must be " + what + ", not " + (value == null ? "missing" : "null"));
        }
    }

    /** An optional master-inventory field, when sent and not null, must have the right JSON type. */
    private static void requireType(JsonNode row, int i, String field, Predicate<JsonNode> type, String what) {
        JsonNode value = row.get(field);
        if (value != null && !value.isNull() && !type.test(value)) {
            throw PaqtanaException.invalid(MASTER_INVENTORY, "data[" + i + "]." + field, i,
                    "data[" + i + "]: '" + field + "' must be " + what + ", got " + value.getNodeType());
        }
    }
}
