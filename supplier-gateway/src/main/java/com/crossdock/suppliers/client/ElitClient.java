package com.crossdock.suppliers.client;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.crossdock.platform.vendor.client.VendorClient;
import com.crossdock.vendor.suppliers.Operation;
import com.crossdock.vendor.suppliers.OrderLine;
import com.crossdock.vendor.suppliers.PlacedOrder;
import com.crossdock.vendor.suppliers.Price;
import com.crossdock.vendor.suppliers.elit.ElitPayloads;
import org.springframework.http.MediaType;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** Elit: the eCat login and password as the client's Basic auth ({@code auth.style: basic}); no invoices. */
final class ElitClient implements SupplierClient {

    private final VendorClient client;

    ElitClient(VendorClient client) {
        this.client = client;
    }

    @Override
    public String name() {
        return "elit";
    }

    /** "4. Не доступна можливість у постачальника": Elit lists no invoices. */
    @Override
    public Set<Operation> operations() {
        return EnumSet.of(Operation.PRICE, Operation.AVAILABILITY, Operation.ORDER);
    }

    @Override
    public Mono<Price> price(String article, BigDecimal quantity) {
        return client.exchange("price", web -> web.get().uri(uri -> uri.path(ElitPayloads.PRICE)
                .queryParam("article", article).queryParam("quantity", quantity).build()), JsonNode.class)
                .map(ElitPayloads::price);
    }

    @Override
    public Mono<Stock> availability(List<String> articles) {
        return PerArticle.stock(articles, article -> PerArticle.unknownOn(client.exchange("availability",
                web -> web.get().uri(uri -> uri.path(ElitPayloads.STOCK).queryParam("article", article).build()),
                JsonNode.class).map(ElitPayloads::availability), 404));
    }

    @Override
    public Mono<PlacedOrder> order(List<OrderLine> lines, String reference) {
        return client.destructive().exchange("order", web -> web.post().uri(ElitPayloads.ORDER)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(ElitPayloads.orderRequest(lines)), JsonNode.class)
                .map(ElitPayloads::placed);
    }
}
