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
import com.crossdock.vendor.suppliers.vesna.VesnaPayloads;
import org.springframework.http.MediaType;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Vesna: {@code Authorization: Token <t>} (the kit's {@code headers} style, scheme {@code Token}) and the
 * {@code customer_id} on every call; prices only in EUR, asked for as such.
 */
final class VesnaClient implements SupplierClient {

    private final VendorClient client;
    private final String customerId;
    private final ZoneId zone;

    VesnaClient(VendorClient client, String customerId, ZoneId zone) {
        this.client = client;
        this.customerId = customerId;
        this.zone = zone;
    }

    @Override
    public String name() {
        return "vesna";
    }

    @Override
    public Set<Operation> operations() {
        return EnumSet.allOf(Operation.class);
    }

    @Override
    public Mono<Price> price(String article, BigDecimal quantity) {
        return client.exchange("price", web -> web.get().uri(uri -> uri.path(VesnaPayloads.PRICE)
                .queryParam("customer_id", customerId).queryParam("article", article)
                .queryParam("quantity", quantity).queryParam("currency", VesnaPayloads.CURRENCY).build()),
                JsonNode.class).map(VesnaPayloads::price);
    }

    @Override
    public Mono<Stock> availability(List<String> articles) {
        return PerArticle.stock(articles, article -> PerArticle.unknownOn(client.exchange("availability",
                web -> web.get().uri(uri -> uri.path(VesnaPayloads.STOCK).queryParam("customer_id", customerId)
                        .queryParam("article", article).build()), JsonNode.class).map(VesnaPayloads::availability), 404));
    }

    @Override
    public Mono<PlacedOrder> order(List<OrderLine> lines, String reference) {
        return client.destructive().exchange("order", web -> web.post().uri(VesnaPayloads.ORDER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(VesnaPayloads.orderRequest(customerId, lines)), JsonNode.class)
                .map(answer -> VesnaPayloads.placed(answer, zone));
    }

    @Override
    public Mono<JsonNode> invoiceAnswer(LocalDate from) {
        return client.exchange("invoices", web -> web.get().uri(uri -> uri.path(VesnaPayloads.INVOICES)
                .queryParam("customer_id", customerId).queryParam("date_from", from.toString()).build()),
                JsonNode.class);
    }

    @Override
    public List<Invoice> readInvoices(JsonNode answer) {
        return VesnaPayloads.invoices(answer, zone);
    }
}
