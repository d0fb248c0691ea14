package com.crossdock.sandbox.baselinker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /baselinker/connector.php}: form fields {@code method} and {@code parameters} (a JSON string), every
 * answer HTTP 200, {@code {"status":"SUCCESS",…}} or {@code {"status":"ERROR","error_code","error_message"}}
 * (VENDORS.md "BaseLinker"). Methods: {@code getOrders} (≤ 100 orders, oldest confirmation first),
 * {@code setOrderStatus}, {@code getOrderStatusList}.
 */
@RestController
class BaseLinkerApiController {

    /** "≤ 100 orders a call" (VENDORS.md, getOrders). */
    static final int ORDERS_PER_CALL = 100;

    private final BaseLinkerOrderBook orders;
    private final BaseLinkerSandboxProperties properties;
    private final JsonMapper json;

    BaseLinkerApiController(BaseLinkerOrderBook orders, BaseLinkerSandboxProperties properties, JsonMapper json) {
        this.orders = orders;
        this.properties = properties;
        this.json = json;
    }

    @PostMapping(path = "/baselinker" + BaseLinkerConfiguration.CONNECTOR,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> call(ServerWebExchange exchange) {
        return exchange.getFormData().map(this::answer);
    }

    private Map<String, Object> answer(MultiValueMap<String, String> form) {
        String method = form.getFirst("method");
        if (method == null || method.isBlank()) {
            return BaseLinkerConfiguration.error("ERROR_UNKNOWN_METHOD", "No method given (form field 'method')");
        }
        JsonNode parameters;
        try {
            String text = form.getFirst("parameters");
            parameters = json.readTree(text == null || text.isBlank() ? "{}" : text);
        } catch (JacksonException notJson) {
            return BaseLinkerConfiguration.error("ERROR_PARAMETERS", "Parameters are not valid JSON");
        }
        if (!parameters.isObject()) {
            return BaseLinkerConfiguration.error("ERROR_PARAMETERS", "Parameters must be a JSON object");
        }
        return switch (method) {
            case "getOrders" -> getOrders(parameters);
            case "setOrderStatus" -> setOrderStatus(parameters);
            case "getOrderStatusList" -> success("statuses", properties.statuses().stream()
                    .map(status -> Map.of("id", status.id(), "name", status.name(), "name_for_customer", status.name()))
                    .toList());
            default -> BaseLinkerConfiguration.error("ERROR_UNKNOWN_METHOD", "Unknown method: " + method);
        };
    }

    private Map<String, Object> getOrders(JsonNode parameters) {
        Long orderId = number(parameters, "order_id");
        Long status = number(parameters, "status_id");
        Long from = number(parameters, "date_confirmed_from");
        Long idFrom = number(parameters, "id_from");
        return success("orders", orders.find(orderId, status, from, idFrom, ORDERS_PER_CALL));
    }

    private Map<String, Object> setOrderStatus(JsonNode parameters) {
        Long orderId = number(parameters, "order_id");
        Long status = number(parameters, "status_id");
        if (orderId == null || status == null) {
            return BaseLinkerConfiguration.error("ERROR_PARAMETERS", "order_id and status_id are required");
        }
        if (properties.statuses().stream().noneMatch(known -> known.id() == status)) {
            return BaseLinkerConfiguration.error("ERROR_STATUS_ID", "Unknown order status id: " + status);
        }
        return orders.setStatus(orderId, status) ? success(null, null)
                : BaseLinkerConfiguration.error("ERROR_ORDER_NOT_FOUND", "No order with id " + orderId);
    }

    private static Long number(JsonNode parameters, String field) {
        JsonNode value = parameters.path(field);
        if (value.isNumber()) {
            return value.longValue();
        }
        if (value.isString() && value.stringValue().matches("-?\\d+")) {
            return Long.parseLong(value.stringValue());
        }
        return null;
    }

    private static Map<String, Object> success(String field, List<?> values) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "SUCCESS");
        if (field != null) {
            body.put(field, values);
        }
        return body;
    }
}
