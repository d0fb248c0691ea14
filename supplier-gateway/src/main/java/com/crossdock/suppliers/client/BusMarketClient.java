package com.crossdock.suppliers.client;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import com.crossdock.platform.vendor.client.VendorClient;
import com.crossdock.vendor.suppliers.Invoice;
import com.crossdock.vendor.suppliers.Operation;
import com.crossdock.vendor.suppliers.OrderLine;
import com.crossdock.vendor.suppliers.PlacedOrder;
import com.crossdock.vendor.suppliers.Price;
import com.crossdock.vendor.suppliers.busmarket.BusMarketPayloads;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * BusMarket: {@code Authorization: <key>} without "Bearer" (the kit's {@code headers} style with no scheme). Its
 * {@code X-RateLimit-*} headers are honoured: an answer that says none remain holds the next calls until
 * {@code X-RateLimit-Reset} (a 429 with {@code Retry-After} is the kit's: its throttle gate). An unauthorised call
 * answers 404, so a 404 here is never read as "unknown article": BusMarket says that with 422.
 */
final class BusMarketClient implements SupplierClient {

    private final VendorClient client;
    private final ZoneId zone;
    private final Clock clock;
    private final AtomicReference<Instant> quotaFreeAt = new AtomicReference<>(Instant.EPOCH);

    BusMarketClient(VendorClient client, ZoneId zone, Clock clock) {
        this.client = client;
        this.zone = zone;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "busmarket";
    }

    @Override
    public Set<Operation> operations() {
        return EnumSet.allOf(Operation.class);
    }

    @Override
    public Mono<Price> price(String article, BigDecimal quantity) {
        return call(client, "price", web -> web.get().uri(uri -> uri.path(BusMarketPayloads.PRICE)
                .queryParam("article", article).queryParam("qty", quantity).build())).map(BusMarketPayloads::price);
    }

    @Override
    public Mono<Stock> availability(List<String> articles) {
        return PerArticle.stock(articles, article -> PerArticle.unknownOn(call(client, "availability",
                web -> web.get().uri(uri -> uri.path(BusMarketPayloads.STOCK).queryParam("article", article).build()))
                .map(BusMarketPayloads::availability), 422));
    }

    @Override
    public Mono<PlacedOrder> order(List<OrderLine> lines, String reference) {
        return call(client.destructive(), "order", web -> web.post().uri(BusMarketPayloads.ORDER)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(BusMarketPayloads.orderRequest(lines)))
                .map(answer -> BusMarketPayloads.placed(answer, zone));
    }

    @Override
    public Mono<JsonNode> invoiceAnswer(LocalDate from) {
        return call(client, "invoices", web -> web.get().uri(uri -> uri.path(BusMarketPayloads.INVOICES)
                .queryParam("date_from", from.toString()).build()));
    }

    @Override
    public List<Invoice> readInvoices(JsonNode answer) {
        return BusMarketPayloads.invoices(answer, zone);
    }

    /** The wait the last answer's quota asked for, then the call; its quota headers set the next wait. */
    private Mono<JsonNode> call(VendorClient vendor, String operation,
            java.util.function.Function<WebClient, WebClient.RequestHeadersSpec<?>> request) {
        return Mono.defer(() -> {
            Duration wait = Duration.between(clock.instant(), quotaFreeAt.get());
            Mono<ResponseEntity<JsonNode>> sent = vendor.exchangeForEntity(operation, request, JsonNode.class);
            return (wait.isNegative() || wait.isZero() ? sent : Mono.delay(wait).then(sent))
                    .doOnNext(this::observeQuota)
                    .mapNotNull(ResponseEntity::getBody);
        });
    }

    private void observeQuota(ResponseEntity<?> answer) {
        BusMarketPayloads.quotaWait(answer.getHeaders().getFirst(BusMarketPayloads.REMAINING),
                answer.getHeaders().getFirst(BusMarketPayloads.RESET))
                .ifPresent(wait -> quotaFreeAt.set(clock.instant().plus(wait)));
    }
}
