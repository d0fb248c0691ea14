package com.crossdock.suppliers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crossdock.platform.web.Problems;
import com.crossdock.suppliers.client.SupplierClient;
import com.crossdock.suppliers.client.SupplierClients;
import com.crossdock.suppliers.order.OrderRequest;
import com.crossdock.suppliers.order.OrderService;
import com.crossdock.suppliers.quote.Quote;
import com.crossdock.suppliers.quote.QuoteService;
import com.crossdock.suppliers.quote.SupplierStock;
import com.crossdock.vendor.suppliers.Invoice;
import com.crossdock.vendor.suppliers.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The gateway's API (supplier-gateway/README.md, {@code GET /openapi.yaml}). Bad input and an operation a supplier does
 * not have are {@code application/problem+json} naming the field, the supplier and the operation; one supplier down
 * is a status in the answer, never a 5xx.
 */
@RestController
class GatewayController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final String CORRELATION = "X-Correlation-Id";

    private final QuoteService quotes;
    private final OrderService orders;
    private final SupplierClients clients;
    private final GatewayProperties properties;

    GatewayController(QuoteService quotes, OrderService orders, SupplierClients clients, GatewayProperties properties) {
        this.quotes = quotes;
        this.orders = orders;
        this.clients = clients;
        this.properties = properties;
    }

    /** Every enabled supplier's price and stock of one article, best offer first, within the deadline. */
    @GetMapping("/quotes")
    Mono<Quote> quote(@RequestParam(required = false) String article, @RequestParam(required = false) String qty) {
        return quotes.quote(required(article, "article"), quantity(qty));
    }

    /** Stock per branch of one or more articles ({@code article=A&article=B}) across suppliers. */
    @GetMapping("/availability")
    Mono<List<SupplierStock>> availability(@RequestParam(required = false) List<String> article) {
        if (article == null || article.isEmpty() || article.stream().anyMatch(code -> code == null || code.isBlank())) {
            throw Problems.problem(HttpStatus.BAD_REQUEST, "invalid-request", "article is required", "article");
        }
        return quotes.availability(article);
    }

    /** An order with one supplier, once per {@code Idempotency-Key}. */
    @PostMapping("/orders")
    Mono<ResponseEntity<Map<String, Object>>> order(@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
            @RequestHeader(name = CORRELATION, required = false) String correlationId,
            @RequestBody(required = false) OrderRequest request) {
        String idempotencyKey = required(key, IDEMPOTENCY_KEY);
        if (request == null) {
            throw Problems.problem(HttpStatus.BAD_REQUEST, "invalid-request", "the body is required", "body");
        }
        SupplierClient supplier = supplier(required(request.supplier(), "supplier"), Operation.ORDER);
        validate(request);
        return orders.place(idempotencyKey, request, supplier, correlationId == null ? idempotencyKey : correlationId)
                .map(answer -> ResponseEntity.status(answer.status())
                        .header(REPLAYED, Boolean.toString(answer.replayed()))
                        .body(answer.body()));
    }

    /** The capability matrix: each enabled supplier and its operations. */
    @GetMapping("/suppliers")
    Map<String, Object> suppliers() {
        Map<String, Object> matrix = new LinkedHashMap<>();
        properties.enabled().forEach((name, account) -> matrix.put(name, account.operations().stream()
                .map(Operation::id).toList()));
        return matrix;
    }

    /** A supplier's invoices from a day on, as read now (the poll publishes them; this only shows them). */
    @GetMapping("/suppliers/{name}/invoices")
    Mono<List<Invoice>> invoices(@PathVariable String name, @RequestParam(required = false) String from) {
        SupplierClient supplier = supplier(name, Operation.INVOICES);
        LocalDate since;
        try {
            since = LocalDate.parse(required(from, "from"));
        } catch (DateTimeParseException e) {
            throw Problems.problem(HttpStatus.BAD_REQUEST, "invalid-request", "from must be a date YYYY-MM-DD", "from");
        }
        return supplier.invoiceAnswer(since).map(supplier::readInvoices);
    }

    private SupplierClient supplier(String name, Operation operation) {
        SupplierClient client = clients.find(name).orElseThrow(() -> {
            ErrorResponseException problem = Problems.problem(HttpStatus.NOT_FOUND, "unknown-supplier",
                    "no enabled supplier " + name + " (enabled: " + clients.all().keySet() + ")", "supplier");
            problem.getBody().setProperty("supplier", name);
            return problem;
        });
        GatewayProperties.Account account = properties.accounts().get(name);
        if (!account.has(operation) || !client.operations().contains(operation)) {
            ErrorResponseException problem = Problems.problem(HttpStatus.UNPROCESSABLE_ENTITY, "operation-not-supported",
                    name + " does not support the operation " + operation.id() + " (it supports "
                            + account.operations().stream().filter(client.operations()::contains).map(Operation::id)
                            .toList() + ")", "supplier");
            problem.getBody().setProperty("supplier", name);
            problem.getBody().setProperty("operation", operation.id());
            throw problem;
        }
        return client;
    }

    private static void validate(OrderRequest request) {
        if (request.lines() == null || request.lines().isEmpty()) {
            throw Problems.problem(HttpStatus.BAD_REQUEST, "invalid-request", "at least one line is required", "lines");
        }
        for (int i = 0; i < request.lines().size(); i++) {
            OrderRequest.Line line = request.lines().get(i);
            if (line == null || line.article() == null || line.article().isBlank()) {
                throw Problems.problem(HttpStatus.BAD_REQUEST, "invalid-request", "is required",
                        "lines[" + i + "].article");
            }
            if (line.quantity() == null || line.quantity().signum() <= 0) {
                throw Problems.problem(HttpStatus.BAD_REQUEST, "invalid-request", "must be a number above 0",
                        "lines[" + i + "].quantity");
            }
        }
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw Problems.problem(HttpStatus.BAD_REQUEST, "invalid-request", field + " is required", field);
        }
        return value;
    }

    private static BigDecimal quantity(String qty) {
        if (qty == null || qty.isBlank()) {
            return BigDecimal.ONE;
        }
        try {
            BigDecimal quantity = new BigDecimal(qty);
            if (quantity.signum() > 0) {
                return quantity;
            }
        } catch (NumberFormatException e) {
            // answered below, with the field
        }
        throw Problems.problem(HttpStatus.BAD_REQUEST, "invalid-request", "qty must be a number above 0", "qty");
    }
}
