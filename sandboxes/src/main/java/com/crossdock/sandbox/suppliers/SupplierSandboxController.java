package com.crossdock.sandbox.suppliers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.crossdock.sandbox.suppliers.SupplierBook.Article;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The control surface shared by the six fake suppliers (not a supplier API): put an article's price and stock, issue an
 * invoice, list the orders taken. The kit adds {@code GET /suppliers/<name>/_sandbox/state}, {@code DELETE
 * /suppliers/<name>/_sandbox}, the received log and faults.
 */
@RestController
class SupplierSandboxController {

    /** An article as a test or demo sets it; {@code branches} maps a branch to its stock as the supplier writes it. */
    record ArticleSetting(BigDecimal price, String currency, Map<String, String> branches) {
    }

    /** An invoice to issue; {@code date} is {@code YYYY-MM-DD}, each line {@code {sku, name, quantity, price}}. */
    record InvoiceSetting(String id, String number, LocalDate date, String currency, BigDecimal total, String orderId,
            List<Map<String, Object>> lines) {
    }

    private final SupplierBooks books;

    SupplierSandboxController(SupplierBooks books) {
        this.books = books;
    }

    @PutMapping("/suppliers/{name}/_sandbox/articles/{code}")
    Map<String, Object> article(@PathVariable String name, @PathVariable String code, @RequestBody ArticleSetting setting) {
        if (setting.price() == null || setting.currency() == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "price and currency are required");
        }
        book(name).put(code, new Article(setting.price(), setting.currency(), setting.branches()));
        return Map.of("supplier", name, "article", code);
    }

    @PostMapping("/suppliers/{name}/_sandbox/invoices")
    Map<String, Object> invoice(@PathVariable String name, @RequestBody InvoiceSetting invoice) {
        if (invoice.id() == null || invoice.date() == null || invoice.lines() == null || invoice.lines().isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "id, date and at least one line are required");
        }
        book(name).issue(new SupplierBook.Invoice(invoice.id(), invoice.number(), invoice.date(),
                invoice.currency() == null ? "UAH" : invoice.currency(), invoice.total(), invoice.orderId(),
                invoice.lines()));
        return Map.of("supplier", name, "invoice", invoice.id());
    }

    @GetMapping("/suppliers/{name}/_sandbox/orders")
    List<SupplierBook.Order> orders(@PathVariable String name) {
        return book(name).orders();
    }

    private SupplierBook book(String name) {
        return books.find(name).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no supplier " + name));
    }
}
