package com.crossdock.suppliers.client;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.crossdock.platform.vendor.client.VendorClient;
import com.crossdock.vendor.suppliers.Invoice;
import com.crossdock.vendor.suppliers.Operation;
import com.crossdock.vendor.suppliers.OrderLine;
import com.crossdock.vendor.suppliers.PlacedOrder;
import com.crossdock.vendor.suppliers.Price;
import com.crossdock.vendor.suppliers.uniquetrade.UniqueTradePayloads;
import org.springframework.http.MediaType;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Unique Trade: the JWT is the kit's token exchange (a login with the credentials in the body, renewed with the refresh
 * token of the last answer: {@code exchange.refresh-path}); the adapter only makes the calls.
 */
final class UniqueTradeClient implements SupplierClient {

    private final VendorClient client;
    private final ZoneId zone;

    UniqueTradeClient(VendorClient client, ZoneId zone) {
        this.client = client;
        this.zone = zone;
    }

    @Override
    public String name() {
        return "uniquetrade";
    }

    @Override
    public Set<Operation> operations() {
        return EnumSet.allOf(Operation.class);
    }

    @Override
    public Mono<Price> price(String article, BigDecimal quantity) {
        return client.exchange("price", web -> web.get().uri(uri -> uri.path(UniqueTradePayloads.PRICE)
                .queryParam("code", article).queryParam("quantity", quantity).build()), JsonNode.class)
                .map(UniqueTradePayloads::price);
    }

    @Override
    public Mono<Stock> availability(List<String> articles) {
        return PerArticle.stock(articles, article -> PerArticle.unknownOn(client.exchange("availability",
                web -> web.get().uri(uri -> uri.path(UniqueTradePayloads.STOCK).queryParam("code", article).build()),
                JsonNode.class).map(UniqueTradePayloads::availability), 404));
    }

    @Override
    public Mono<PlacedOrder> order(List<OrderLine> lines, String reference) {
        return client.destructive().exchange("order", web -> web.post().uri(UniqueTradePayloads.ORDER)
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(UniqueTradePayloads.orderRequest(lines)),
                JsonNode.class).map(answer -> UniqueTradePayloads.placed(answer, zone));
    }

    @Override
    public Mono<JsonNode> invoiceAnswer(LocalDate from) {
        return client.exchange("invoices", web -> web.get().uri(uri -> uri.path(UniqueTradePayloads.INVOICES)
                .queryParam("from", from.toString()).build()), JsonNode.class);
    }

    @Override
    public List<Invoice> readInvoices(JsonNode answer) {
        return UniqueTradePayloads.invoices(answer, zone);
    }
}
