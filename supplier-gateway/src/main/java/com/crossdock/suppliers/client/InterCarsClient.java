package com.crossdock.suppliers.client;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.crossdock.platform.vendor.client.VendorClient;
import com.crossdock.vendor.suppliers.Availability;
import com.crossdock.vendor.suppliers.Invoice;
import com.crossdock.vendor.suppliers.Operation;
import com.crossdock.vendor.suppliers.OrderLine;
import com.crossdock.vendor.suppliers.PlacedOrder;
import com.crossdock.vendor.suppliers.Price;
import com.crossdock.vendor.suppliers.SupplierPayloadException;
import com.crossdock.vendor.suppliers.intercars.InterCarsPayloads;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Inter Cars: OAuth2 client credentials (the kit's {@code token-exchange} with its OAuth2 defaults), and on every call
 * the {@code Accept-Language} it requires (400 without). Stock calls take at most 100 SKUs and price baskets 20: the
 * client splits a longer list and joins the answers; the SKUs Inter Cars drops as unknown (listed in
 * {@code X-Unknown-Skus}) are reported with the answer.
 */
final class InterCarsClient implements SupplierClient {

    private final VendorClient client;
    private final String language;
    private final ZoneId zone;

    InterCarsClient(VendorClient client, String language, ZoneId zone) {
        this.client = client;
        this.language = language;
        this.zone = zone;
    }

    /** Prices of several SKUs, with the ones Inter Cars did not know. */
    record Prices(List<Price> prices, List<String> unknown) {
    }

    @Override
    public String name() {
        return "intercars";
    }

    @Override
    public Set<Operation> operations() {
        return EnumSet.allOf(Operation.class);
    }

    @Override
    public Mono<Price> price(String article, BigDecimal quantity) {
        return prices(Map.of(article, quantity)).flatMap(answer -> answer.prices().isEmpty()
                ? Mono.error(new SupplierPayloadException("lines", "Inter Cars does not know " + article
                        + " (" + InterCarsPayloads.UNKNOWN_SKUS + ")"))
                : Mono.just(answer.prices().get(0)));
    }

    /** Baskets of at most 20 lines, one after the other, joined. */
    Mono<Prices> prices(Map<String, BigDecimal> quantities) {
        List<String> skus = List.copyOf(quantities.keySet());
        return Flux.fromIterable(InterCarsPayloads.batches(skus, InterCarsPayloads.MAX_PRICE_SKUS))
                .concatMap(batch -> {
                    Map<String, BigDecimal> basket = new LinkedHashMap<>();
                    batch.forEach(sku -> basket.put(sku, quantities.get(sku)));
                    return client.exchangeForEntity("price", web -> web.post().uri(InterCarsPayloads.PRICES)
                            .header(HttpHeaders.ACCEPT_LANGUAGE, language).contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(InterCarsPayloads.priceRequest(basket)), JsonNode.class);
                })
                .collectList()
                .map(answers -> {
                    List<Price> prices = new ArrayList<>();
                    List<String> unknown = new ArrayList<>();
                    answers.forEach(answer -> {
                        prices.addAll(InterCarsPayloads.prices(answer.getBody()));
                        unknown.addAll(unknown(answer));
                    });
                    return new Prices(prices, unknown);
                });
    }

    /** Calls of at most 100 SKUs, one after the other, joined. */
    @Override
    public Mono<Stock> availability(List<String> articles) {
        return Flux.fromIterable(InterCarsPayloads.batches(articles, InterCarsPayloads.MAX_STOCK_SKUS))
                .concatMap(batch -> client.exchangeForEntity("availability", web -> web.get()
                        .uri(uri -> uri.path(InterCarsPayloads.STOCK).queryParam("sku", batch.toArray()).build())
                        .header(HttpHeaders.ACCEPT_LANGUAGE, language), JsonNode.class))
                .collectList()
                .map(answers -> {
                    List<Availability> items = new ArrayList<>();
                    List<String> unknown = new ArrayList<>();
                    answers.forEach(answer -> {
                        items.addAll(InterCarsPayloads.availability(answer.getBody()));
                        unknown.addAll(unknown(answer));
                    });
                    return new Stock(items, unknown);
                });
    }

    @Override
    public Mono<PlacedOrder> order(List<OrderLine> lines, String reference) {
        return client.destructive().exchange("order", web -> web.post().uri(InterCarsPayloads.ORDER)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, language).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(InterCarsPayloads.orderRequest(lines)), JsonNode.class)
                .map(answer -> InterCarsPayloads.placed(answer, zone));
    }

    @Override
    public Mono<JsonNode> invoiceAnswer(LocalDate from) {
        return client.exchange("invoices", web -> web.get().uri(uri -> uri.path(InterCarsPayloads.INVOICES)
                        .queryParam("issuedFrom", from.toString()).build()).header(HttpHeaders.ACCEPT_LANGUAGE, language),
                JsonNode.class);
    }

    @Override
    public List<Invoice> readInvoices(JsonNode answer) {
        return InterCarsPayloads.invoices(answer, zone);
    }

    private static List<String> unknown(ResponseEntity<?> answer) {
        return InterCarsPayloads.unknown(answer.getHeaders().getFirst(InterCarsPayloads.UNKNOWN_SKUS));
    }
}
