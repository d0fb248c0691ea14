package com.crossdock.sandbox.baselinker;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The BaseLinker fake's control: {@code POST /baselinker/_sandbox/orders} adds an order (BaseLinker's field names;
 * {@code order_id}, dates and status are filled in where it names none; an {@code order_id} already taken is 409)
 * as a shop or marketplace would, and
 * {@code GET /baselinker/_sandbox/orders/{id}} shows one as it is now.
 */
@RestController
class BaseLinkerSandboxController {

    private final BaseLinkerOrderBook orders;
    private final BaseLinkerSandboxProperties properties;

    BaseLinkerSandboxController(BaseLinkerOrderBook orders, BaseLinkerSandboxProperties properties) {
        this.orders = orders;
        this.properties = properties;
    }

    @PostMapping("/baselinker/_sandbox/orders")
    ResponseEntity<ObjectNode> add(@RequestBody(required = false) JsonNode order) {
        ObjectNode body = order instanceof ObjectNode object ? object : BaseLinkerOrderBook.emptyOrder();
        return orders.add(body, properties.defaultStatus())
                .map(added -> ResponseEntity.status(HttpStatus.CREATED).body(added))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.CONFLICT).build());
    }

    @GetMapping("/baselinker/_sandbox/orders/{id}")
    ResponseEntity<ObjectNode> order(@PathVariable long id) {
        return ResponseEntity.of(orders.order(id));
    }
}
